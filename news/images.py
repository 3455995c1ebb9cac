"""The image of a news story: checked by its content, then stored as a fresh JPEG.

`prepare_image(upload)` is the one check (the story's admin form calls it). An upload passes
when, in this order:

1. it is within MAX_BYTES (checked before anything is read);
2. Pillow recognises its content as JPEG, PNG or WebP, whatever its name says (no other
   decoder is even tried);
3. its header gives at most MAX_PIXELS pixels, checked before the pixels are decoded (a
   small file can claim a huge picture: a decompression bomb);
4. its pixels decode completely (a truncated or damaged file is refused).

What is stored is then drawn anew from the pixels alone: turned upright as its EXIF
orientation says, converted to sRGB when it carries a colour profile, flattened onto white
when it has transparency, at most MAX_WIDTH pixels wide, and written as a progressive JPEG.
Nothing else of the upload is kept: no EXIF (camera, time, GPS position), XMP, comment or
profile. People photographed for a story may be at risk; where a picture was taken must
never travel with it.
"""

import warnings
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_WIDTH = 1600
QUALITY = 82
FORMATS = ("JPEG", "PNG", "WEBP")
# What a browser's file picker offers (the check above decides).
ACCEPT = "image/jpeg,image/png,image/webp"

_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _refuse(message, code):
    raise ValidationError(message, code=code)


def _open(upload):
    """The upload as a Pillow image whose header has been read, not yet its pixels."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice that: refuse then too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _too_many_pixels()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        _refuse(
            _(
                "This file is not a JPEG, PNG or WebP image. "
                "Choose a photo in one of these formats."
            ),
            "image_type",
        )
    if image.width * image.height > MAX_PIXELS:
        _too_many_pixels()
    return image


def _too_many_pixels():
    _refuse(
        _(
            "This image has too many pixels (more than %(megapixels)d megapixels). "
            "Choose a smaller one."
        )
        % {"megapixels": MAX_PIXELS // 1_000_000},
        "image_pixels",
    )


def _in_srgb(image):
    """`image` in sRGB, when it carries another colour profile (a phone's Display P3): its
    colours stay right once the profile is dropped."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(profile))
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: the pixels as they are


def _flattened(image):
    """RGB pixels; what was transparent becomes white, as on the page."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def prepare_image(upload):
    """`upload` (an uploaded file) checked and redrawn as a JPEG: a new uploaded file named
    "image.jpg", or a ValidationError saying what is wrong."""
    if upload.size > MAX_BYTES:
        _refuse(
            _("This file is larger than %(limit)s, the largest image accepted.")
            % {"limit": filesizeformat(MAX_BYTES)},
            "image_size",
        )
    image = _open(upload)
    try:
        image.load()
        image = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        _refuse(_("This image is damaged or incomplete. Save it again and retry."), "image_damaged")
    image = _flattened(_in_srgb(image))
    if image.width > MAX_WIDTH:
        height = max(1, round(image.height * MAX_WIDTH / image.width))
        image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    # Nothing of the upload's own data goes on: saving reads a comment, XMP or profile from
    # here when not told otherwise.
    image.info = {}
    output = BytesIO()
    image.save(output, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return SimpleUploadedFile("image.jpg", output.getvalue(), content_type="image/jpeg")
