"""A WSGI application for tests/scn_portal/test_deploy.py: it waits the seconds the query string
gives, as a page being drawn would, then answers with the id of the worker process that
served it."""

import os
import time


def app(environ, start_response):
    time.sleep(float(environ.get("QUERY_STRING") or 0))
    body = str(os.getpid()).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
