"""The check of a story's image: recognised by its content (JPEG, PNG or WebP, whatever its
name), bounded in bytes and pixels before it is decoded, and stored as a fresh JPEG, upright,
at most 1600 pixels wide, without any of its metadata."""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from news.images import MAX_BYTES, MAX_WIDTH, prepare_image
from tests.factories import image_bytes


def upload(content, name="photo.jpg"):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def opened(prepared):
    prepared.seek(0)
    image = Image.open(BytesIO(prepared.read()))
    return image


def refusal(content, name="photo.jpg"):
    with pytest.raises(ValidationError) as error:
        prepare_image(upload(content, name))
    return error.value


def huge_png(width, height):
    """A small PNG whose header claims `width` × `height` pixels: a decompression bomb's
    shape (the pixels are never there)."""
    png = image_bytes((1, 1), "PNG")
    header = struct.pack(">II", width, height) + png[24:29]
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return png[:16] + header + crc + png[33:]


def test_a_jpeg_is_stored_as_a_progressive_jpeg_of_the_same_size():
    prepared = prepare_image(upload(image_bytes((800, 600))))
    assert prepared.name == "image.jpg"
    assert prepared.content_type == "image/jpeg"
    image = opened(prepared)
    assert image.format == "JPEG"
    assert image.size == (800, 600)
    assert image.mode == "RGB"
    assert image.info.get("progressive")


def test_a_png_named_jpg_is_recognised_by_its_content_and_redrawn_as_jpeg():
    image = opened(prepare_image(upload(image_bytes((300, 200), "PNG"), name="photo.jpg")))
    assert image.format == "JPEG"
    assert image.size == (300, 200)


def test_a_transparent_png_is_set_on_white():
    content = image_bytes((50, 50), "PNG", color=(0, 0, 0), transparent=True)
    image = opened(prepare_image(upload(content, name="logo.png")))
    red, green, blue = image.getpixel((25, 25))
    assert min(red, green, blue) > 245


def test_a_webp_is_accepted():
    image = opened(prepare_image(upload(image_bytes((120, 80), "WEBP"), name="p.webp")))
    assert image.format == "JPEG"
    assert image.size == (120, 80)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"This is only text, whatever its name says.\n" * 20, "photo.jpg"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "a.jpg"),
        (image_bytes((40, 40), "GIF"), "animation.jpg"),
        (image_bytes((40, 40), "BMP"), "bitmap.png"),
        (b"%PDF-1.4\n%%EOF\n", "report.jpg"),
    ],
    ids=["text", "svg", "gif", "bmp", "pdf"],
)
def test_anything_but_jpeg_png_or_webp_is_refused_whatever_its_name(content, name):
    error = refusal(content, name)
    assert error.code == "image_type"
    assert "not a JPEG, PNG or WebP image" in error.messages[0]


def test_a_file_over_ten_megabytes_is_refused_before_it_is_read():
    error = refusal(b"\xff\xd8\xff" + b"0" * MAX_BYTES)
    assert error.code == "image_size"
    assert error.messages[0] == "This file is larger than 10.0\xa0MB, the largest image accepted."


@pytest.mark.parametrize(
    "size", [(7000, 6000), (20000, 20000)], ids=["over-40-megapixels", "decompression-bomb"]
)
def test_an_image_of_too_many_pixels_is_refused_before_it_is_decoded(size):
    error = refusal(huge_png(*size), "small-file.png")
    assert error.code == "image_pixels"
    assert "more than 40 megapixels" in error.messages[0]


def test_an_image_just_within_the_pixel_limit_passes_the_pixel_check():
    # 40 megapixels exactly: the header passes; the missing pixels are what is refused.
    assert refusal(huge_png(8000, 5000), "x.png").code == "image_damaged"


def test_a_truncated_image_is_refused():
    content = image_bytes((600, 400))
    assert refusal(content[: len(content) // 2]).code == "image_damaged"


def test_a_wide_image_is_narrowed_to_1600_pixels_keeping_its_proportions():
    image = opened(prepare_image(upload(image_bytes((3200, 1000)))))
    assert image.size == (MAX_WIDTH, 500)


def _photo_with_metadata(size=(400, 200), orientation=1):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (52.0, 22.0, 12.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (4.0, 53.0, 24.0),
    }
    output = BytesIO()
    Image.new("RGB", size, (10, 120, 60)).save(
        output, "JPEG", exif=exif, comment=b"taken at the safe house"
    )
    content = output.getvalue()
    # The photo as a phone gives it: its place in it.
    assert Image.open(BytesIO(content)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    return content


def test_exif_with_the_gps_position_and_comments_are_dropped():
    prepared = prepare_image(upload(_photo_with_metadata()))
    image = opened(prepared)
    assert not image.getexif()
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert "exif" not in image.info
    assert "comment" not in image.info
    prepared.seek(0)
    raw = prepared.read()
    for leftover in (b"Exif", b"PhoneMaker", b"safe house", b"http://ns.adobe.com/xap"):
        assert leftover not in raw


def test_the_exif_orientation_is_applied_before_it_is_dropped():
    # A phone held upright stores its picture sideways, with "rotate 90°" in the EXIF.
    image = opened(prepare_image(upload(_photo_with_metadata((400, 200), orientation=6))))
    assert image.size == (200, 400)
