"""Object storage for the tests that opt in: a real S3-compatible server (moto's standalone
server) on loopback, started once per test session, with a new empty bucket for each test
and the portal's own storage options (OBJECT_STORAGE in scn_portal/settings.py)."""

import logging
import uuid
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer

from practices.models import Status
from tests.factories import PracticeFactory

REGION = "us-east-1"
CREDENTIALS = {"access_key": "test-key", "secret_key": "test-secret"}


@dataclass
class Bucket:
    client: Any
    name: str
    endpoint: str

    def keys(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return [item["Key"] for item in listing.get("Contents", [])]

    def address(self, key):
        """Where the object is in the bucket, without a signature."""
        return f"{self.endpoint}/{self.name}/{key}"


@pytest.fixture(scope="session")
def s3_endpoint():
    # The server's line for every request would bury a failing test's own output.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(scope="session")
def s3_client(s3_endpoint):
    """What the tests look into the buckets with; made once, as a client takes a while."""
    return boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    )


@pytest.fixture
def object_storage(settings, s3_endpoint, s3_client):
    """Files saved in this test go to a new bucket; setting STORAGES makes Django drop the
    storage it had built (django.test.signals), and Attachment.file uses default_storage."""
    bucket = Bucket(s3_client, name=f"scn-test-{uuid.uuid4().hex[:12]}", endpoint=s3_endpoint)
    bucket.client.create_bucket(Bucket=bucket.name)
    portal = settings.OBJECT_STORAGE
    options = {
        **portal["OPTIONS"],
        **CREDENTIALS,
        "bucket_name": bucket.name,
        "endpoint_url": s3_endpoint,
        "region_name": REGION,
        "addressing_style": "path",
    }
    settings.STORAGES = {**settings.STORAGES, "default": {**portal, "OPTIONS": options}}
    return bucket


@pytest.fixture(params=["filesystem", "s3"])
def each_storage(request):
    """The test runs twice: on the local filesystem (None) and on a bucket (a Bucket)."""
    if request.param == "s3":
        return request.getfixturevalue("object_storage")
    return None


# --- a member's draft and an upload through its edit page ----------------------------------


@pytest.fixture
def draft(author):
    return PracticeFactory(submitted_by=author, status=Status.DRAFT, title="Safe spaces")


def upload(client, practice, content, name="report.pdf", title="Evaluation 2023"):
    return client.post(
        reverse("practices:edit", args=[practice.pk]),
        {
            "title": practice.title,
            "summary": "Typed before the upload.",
            "action": "save",
            "attachment": SimpleUploadedFile(name, content, content_type="application/pdf"),
            "attachment_title": title,
        },
    )
