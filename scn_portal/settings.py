"""Settings for the SCN portal: one module, every machine-specific value from the environment.

Development defaults are safe and need nothing installed (SQLite, console email, database
cache). Production is DEBUG off plus the variables listed in the README; the module refuses
to start without a SECRET_KEY there.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import jinja2
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_float(name, default):
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# The test suite runs with test-friendly settings (locmem email, fast hashing) by itself.
TESTING = env_bool("SCN_TESTING", default="pytest" in sys.modules)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable, "
            "or DEBUG=1 for local development."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Site content in each language (translation.py in each app); before the admin.
    "modeltranslation",
    "scn_portal",
    "cities",
    "practices",
    "news",
    "events",
    "resources",
    "opendata",
    "privacy",
    "demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "taggit",
    "django_countries",
    "django_filters",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    # Only for its translations of the password-strength advice (fr, ar).
    "django_zxcvbn_password_validator",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "scn_portal.middleware.PermissionsPolicyMiddleware",
    "scn_portal.middleware.PrivateResponsesMiddleware",
    # CORS headers on the open data API (CORS_URLS_REGEX): before anything may answer.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last: a page this worker kept for visitors is served before its address is resolved.
    "scn_portal.page_cache.KeptPagesMiddleware",
]

ROOT_URLCONF = "scn_portal.urls"
WSGI_APPLICATION = "scn_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "scn_portal.context_processors.site",
                "scn_portal.context_processors.caching",
            ],
        },
    },
    # Jinja2 for the few includes a page draws by the hundred (templates/jinja2/, drawn from
    # Django's templates by {% jinja %}: scn_portal/templatetags/jinja.py says which and why).
    # A name it is not given is an error, not an empty string.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"autoescape": True, "undefined": jinja2.StrictUndefined},
    },
]
# Django's form renderer with the project's templates: a field is drawn by
# templates/includes/form_field.html (label, input, help and errors tied together).
FORM_RENDERER = "scn_portal.forms.FormRenderer"

# Database: SQLite in a git-ignored folder unless DATABASE_URL says otherwise.
VAR_DIR = Path(env("SCN_VAR_DIR", str(BASE_DIR / "var")))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the dev server read while a management command writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "scn_portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Refuses what is long enough but easy to guess (aaaaaaaaaaaa, passwordpassword), saying
    # how to make it stronger: scn_portal/passwords.py.
    {"NAME": "scn_portal.passwords.PasswordStrengthValidator"},
]
# zxcvbn's score 3 of 4: at least 10^8 guesses, out of reach of online guessing even without
# our rate limits; 4 would refuse many good passwords people already use.
PASSWORD_MINIMAL_STRENGTH = 3
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "practices:mine"

# django-allauth: email address as the identity, verified before first sign-in.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Strong Cities Network] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not DEBUG and not TESTING else "http"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_email": "1/m/user",
}

# Cache: shared by all workers (rate limits, page cache). The database cache needs nothing
# installed; set CACHE_URL=redis://127.0.0.1:6379/0 to use Redis (django-redis).
CACHE_URL = env("CACHE_URL")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "scn"),
            "OPTIONS": {
                # A cache outage is not an outage: a read misses, a write is dropped, the
                # page is computed and served. The failure is logged (see LOGGING).
                "IGNORE_EXCEPTIONS": True,
                # A Redis that does not answer costs a request at most this, per call.
                "SOCKET_CONNECT_TIMEOUT": env_float("CACHE_CONNECT_TIMEOUT", 0.25),
                "SOCKET_TIMEOUT": env_float("CACHE_TIMEOUT", 0.5),
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "scn_portal.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "scn_cache",
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "scn"),
        }
    }

SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Whole pages cached for signed-out visitors (scn_portal/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG or TESTING else 300)

# Email: console in development, SMTP from the environment in production, locmem in tests.
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", "Strong Cities Network <portal@strongcities.example>"
)
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
MODERATORS_EMAIL = env_list("MODERATORS_EMAIL", "moderators@strongcities.example")
EMAIL_HOST = env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
else:
    EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

LANGUAGE_CODE = "en"
# The portal's languages: each page has an address per language (scn_portal/urls.py).
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("ar", _("Arabic")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["scn_portal.formats"]
# Staff give site content (FAQ, regions, forms of extremism, themes) a text per language in
# the admin; a visitor reads their language's, or the English one when none is given.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
# Uploads are private: never under static/, never served by the web server directly;
# practices.views.download_attachment checks permission for each file.
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_MAX_COUNT = 5
# With AWS_STORAGE_BUCKET_NAME set, uploads go to that S3-compatible bucket instead, so that
# every machine behind a load balancer sees the same files: AWS_S3_ENDPOINT_URL for a
# provider other than AWS, AWS_S3_REGION_NAME, AWS_S3_ADDRESSING_STYLE=path where the
# provider has no bucket subdomains. Plain variables rather than one URL because a secret
# key may hold "/" and "+"; boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the
# machine's role) from the environment itself, so no secret is copied into settings. The
# tests keep the filesystem unless one opts in to this same configuration, pointed at a
# server of their own (tests/practices/conftest.py).
OBJECT_STORAGE = {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {
        "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env("AWS_S3_REGION_NAME") or None,
        "addressing_style": env("AWS_S3_ADDRESSING_STYLE") or None,
        # Private whatever the bucket's default: the portal streams each file after its own
        # permission check, and nobody ever gets an address in the bucket. Should anything
        # call .url(), the address is signed and dies within a minute.
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": 60,
        # Signature version 4, the only one that newer AWS regions and other providers accept.
        "signature_version": "s3v4",
        # Never replace another file's object, as the filesystem never does.
        "file_overwrite": False,
        # A download is read into memory up to the size an upload may take there, and beyond
        # it into a temporary file, rather than up to 10 MB per request in memory.
        "max_memory_size": FILE_UPLOAD_MAX_MEMORY_SIZE,
    },
}
if OBJECT_STORAGE["OPTIONS"]["bucket_name"] and not TESTING:
    STORAGES["default"] = OBJECT_STORAGE

# Security. Production values are the defaults; DEBUG relaxes only what breaks local http.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG and not TESTING)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG or TESTING else 63072000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG and not TESTING
CSRF_COOKIE_SECURE = not DEBUG and not TESTING
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# The maps are drawn by the portal itself (cities/worldmap.py) and ask no other server. A
# deployment may add a tile map over them by naming a tile server (e.g.
# https://tile.openstreetmap.org/{z}/{x}/{y}.png); its origin is then allowed in the policy.
MAP_TILE_URL = env("MAP_TILE_URL", "")
MAP_TILE_ORIGIN = env("MAP_TILE_ORIGIN", "")
if MAP_TILE_URL and not MAP_TILE_ORIGIN and "://" in MAP_TILE_URL:
    _tiles = urlsplit(MAP_TILE_URL)
    MAP_TILE_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc}"
# Nothing is allowed unless listed below, so frames, media, workers and a manifest (there is
# none) stay refused.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        # The typeface, served by the portal (static/vendor/noto-sans).
        "font-src": [SELF],
        # With a tile map only: its tile server, and data: because Leaflet points a tile it
        # drops at an empty data: GIF to stop its load.
        "img-src": [SELF, *([MAP_TILE_ORIGIN, "data:"] if MAP_TILE_URL else [])],
        # The maps fetch their markers from /cities/map.json.
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # The same cache failure, logged once per interval rather than on every call.
        "cache_outage": {
            "()": "scn_portal.log_filters.OncePerInterval",
            "seconds": env_int("CACHE_ERROR_LOG_SECONDS", 60),
        },
        # No email address reaches the log, whoever logs it (the portal, Django, allauth,
        # smtplib's exceptions): each handler writes it as "[email address]".
        "no_email_addresses": {"()": "scn_portal.log_filters.RedactEmailAddresses"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_email_addresses"]},
        "cache_console": {
            "class": "logging.StreamHandler",
            # Counted before redaction, which merges each message with its arguments.
            "filters": ["cache_outage", "no_email_addresses"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "scn_portal.cache": {"handlers": ["cache_console"], "propagate": False},
    },
}

TAGGIT_CASE_INSENSITIVE = True
# Typed lists split at an Arabic comma too.
TAGGIT_TAGS_FROM_STRING = "scn_portal.forms.tags_from_string"
COUNTRIES_FIRST_BREAK = None

if TESTING:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "test-media")))

# --- contact ---
# Public forms (contact, join, relay to a practitioner): see scn_portal/abuse.py.
# A form sent sooner than this after it was displayed is refused as automated.
FORM_MIN_SECONDS = env_int("FORM_MIN_SECONDS", 3)
# Per form, per client address ("ip") and per email address ("email"; the sender's account
# for the relay): "count/period", period in s, m, h or d, optionally with a number ("10/15m").
RATE_LIMITS = {
    "contact": {"ip": "10/h", "email": "5/h"},
    "join": {"ip": "10/h", "email": "3/h"},
    "relay": {"ip": "30/h", "email": "10/h"},
}
# How many proxies in front of gunicorn append to X-Forwarded-For (0: use REMOTE_ADDR).
# allauth's own rate limits (sign-in, sign-up, password reset) read the same value; with 0
# the header is ignored, so a client cannot dodge a limit by inventing one.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# --- browse-cities ---
# Tests never reach a tile server: every map tile is one plain local image.

# --- harden ---
# Other sites may not embed our pages' resources (Spectre-style leaks, hotlinking of uploads).
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# --- search ---
# PostgreSQL plans for data on SSD or in memory: random reads cost little more than
# sequential ones. With the default (4), the planner scans the whole practice table rather
# than use the full-text index for a common word, several times slower.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["options"] = (
        f"-c random_page_cost={env('PG_RANDOM_PAGE_COST', '1.1')}"
    )
# --- harden2 ---
# Sign-up saved whole or not at all, and account emails that cannot be sent explained
# instead of failing the page: scn_portal/accounts.py.
ACCOUNT_ADAPTER = "scn_portal.accounts.AccountAdapter"
ACCOUNT_FORMS = {"signup": "scn_portal.accounts.SignupForm"}
# --- audit456 ---
# A member is told by email when their password or email address changes (the old address
# hears of an email change), so that a hijacked account does not go unnoticed.
ACCOUNT_EMAIL_NOTIFICATIONS = True

# --- perf ---
# Parts of pages ({% cache %} in the templates) and the data that costs queries (counts,
# choices, map markers: scn_portal.page_cache.cached_data) are kept this long, or until the
# content they show changes; 0 keeps nothing, as in development and tests.
DATA_CACHE_SECONDS = env_int("DATA_CACHE_SECONDS", 0 if DEBUG or TESTING else 86400)
# The cache {% cache %} uses: the shared one, or none at all when nothing is kept (so that
# development shows an edited template at once and costs no cache reads).
CACHES["template_fragments"] = (
    CACHES["default"]
    if DATA_CACHE_SECONDS
    else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
)
# Each worker's own memory, read with no round trip to the shared cache: parts of pages that
# no content changes, only a release (the navigation and the footer: {% cache ...
# using="in_process" %}; a worker starts anew with each release), and a copy of the whole
# pages it served, each under its content version (scn_portal.page_cache.public_page). At
# most 300 entries (Django's default), some 15 MB of pages. With nothing kept (development,
# tests) it stays empty: the parts are drawn each time (their timeout is 0) and no page is
# cached.
CACHES["in_process"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "in-process",
}


def deployed_commit(base_dir):
    """The commit checked out in `base_dir`, read from .git without running git; "" when
    there is none (an installed package, a container without .git)."""
    git = base_dir / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head[:12]
        ref = head[5:]
        if (git / ref).is_file():
            return (git / ref).read_text().strip()[:12]
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split()[0][:12]
    except OSError:
        pass
    return ""


# Part of every cache key: what a release drew is never served by the next one. RELEASE
# (set it to the version or commit being deployed), else the commit checked out.
RELEASE = env("RELEASE") or deployed_commit(BASE_DIR) or "unreleased"

# The open data API (opendata/): read-only JSON for anyone, no authentication read, so every
# caller gets the same published content; each client address may make API_RATE_LIMIT
# requests (and downloads), counted in the shared cache.
API_RATE_LIMIT = env("API_RATE_LIMIT", "120/min")
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Strong Cities Network open data",
    "DESCRIPTION": (
        "Published practice, member cities, partner organisations, news, events and "
        "resources of the Strong Cities Network, read-only. Content is published under "
        "CC BY 4.0 unless it says otherwise."
    ),
    "VERSION": "1",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVERS": [{"url": SITE_URL}],
}
# Any site may read the API from a browser; nothing else is opened, and no credentials.
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False

# --- privacy ---
# The privacy notice (/privacy/) a member accepts at sign-up: change the version whenever
# its text changes in substance, so that each account records which one its member accepted.
PRIVACY_NOTICE_VERSION = "2026-12"
# How long the portal keeps what people send it, in months (manage.py purge_expired removes
# what is older; the privacy page states these same figures).
RETENTION_MONTHS = {
    # Contact messages and messages relayed to practitioners, from receipt.
    "contact_messages": env_int("RETENTION_CONTACT_MONTHS", 24),
    "relayed_messages": env_int("RETENTION_RELAYED_MONTHS", 24),
    # Membership applications never marked done, from receipt; handled ones, from receipt.
    "applications": env_int("RETENTION_APPLICATION_MONTHS", 24),
    "handled_applications": env_int("RETENTION_HANDLED_APPLICATION_MONTHS", 36),
    # Members' interest in events, from receipt.
    "event_interests": env_int("RETENTION_INTEREST_MONTHS", 12),
    # Rejected case studies and resource suggestions, from their rejection.
    "rejected": env_int("RETENTION_REJECTED_MONTHS", 12),
}
# A period of 0 would erase everything of its kind on every run: refused at start-up.
if any(months < 1 for months in RETENTION_MONTHS.values()):
    raise ImproperlyConfigured("Every RETENTION_*_MONTHS setting must be at least 1.")
