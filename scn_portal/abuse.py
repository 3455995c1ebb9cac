"""Keeping the public forms (contact, join, relay) from becoming a spam or abuse channel.

Every such form mixes in `TrappedForm`, which adds two traps that a person never notices:

- a honeypot field, hidden from people, that automated posters fill in;
- a signed token holding the moment the form was displayed; a submission quicker than
  FORM_MIN_SECONDS is refused, and so is a token older than FORM_MAX_AGE or tampered with.

Once the form is valid, `submit` takes it the rest of the way, the same for every form:
a token already used (a double click, a re-post) is not stored again; the client address
and the email address are each held to RATE_LIMITS (a 429 page beyond); the record is
saved in one transaction, then the notification is sent, then the browser is redirected
to the confirmation page.

Counters and used tokens live in the default cache, which every worker shares (the
database cache, or Redis through CACHE_URL). Counting uses `cache.add` only, which is
atomic on every backend; `cache.incr` is not atomic on the database cache.
"""

import hashlib
import ipaddress
import json
import logging
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from scn_portal.page_cache import answers as cache_answers

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"
TRAP_FIELDS = (HONEYPOT_FIELD, STARTED_FIELD)
# A form left open longer than this is refused with a fresh token, so that a token
# cannot be collected once and replayed for days.
FORM_MAX_AGE = 24 * 60 * 60
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def issue_token(scope, issued_at=None):
    """A signed token saying when a form of `scope` was displayed, with a nonce that
    identifies this one display (so the same filled-in form cannot be stored twice)."""
    issued_at = time.time() if issued_at is None else issued_at
    payload = {"n": secrets.token_urlsafe(12), "t": int(issued_at)}
    return signing.dumps(payload, salt=f"scn_portal.abuse.{scope}")


def read_token(scope, value):
    """The (nonce, issued_at) in a token, or None when it is missing, forged or malformed."""
    try:
        payload = signing.loads(value or "", salt=f"scn_portal.abuse.{scope}")
        return str(payload["n"]), int(payload["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError):
        return None


# --- one display, one submission ---------------------------------------------------------
# The nonce in a display token names one display of a form. The first valid submission of
# that display claims it in the shared cache; a second one (a double click, a reload, the
# Back button) finds the claim and what the first one saved, and is not stored again.


def _display_key(scope, nonce):
    return f"form-token:{scope}:{nonce}"


def claim_display(scope, nonce, fingerprint):
    """Claim the one submission of the form display `nonce`. Returns None when this is the
    first, else what the first recorded: {"fingerprint": ..., "result": ...}."""
    key = _display_key(scope, nonce)
    if cache.add(key, {"fingerprint": fingerprint, "result": None}, timeout=FORM_MAX_AGE + 60):
        return None
    earlier = cache.get(key)
    # A claim that expired between the two calls: the display is too old to be a duplicate.
    return earlier if isinstance(earlier, dict) else {"fingerprint": None, "result": None}


def record_display(scope, nonce, fingerprint, result):
    """Remember what the display's submission saved (a primary key), for a repeat to find."""
    cache.set(
        _display_key(scope, nonce),
        {"fingerprint": fingerprint, "result": result},
        timeout=FORM_MAX_AGE + 60,
    )


def release_display(scope, nonce):
    """Nothing was saved after all (refused, or the database failed): the same form may be
    sent again."""
    cache.delete(_display_key(scope, nonce))


def renew_token(form, field, scope):
    """Put a fresh token in `field` of a bound form shown again, for a display that starts
    now (everything else the person typed stays)."""
    data = form.data.copy()
    data[form.add_prefix(field)] = issue_token(scope)
    form.data = data


class TrappedForm:
    """Mixin for a form (usually a ModelForm) that adds the honeypot and the display-time
    token. Subclasses set `abuse_scope`, the key of their entry in settings.RATE_LIMITS."""

    abuse_scope = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=issue_token(self.abuse_scope)
        )
        self.nonce = None

    def user_fields(self):
        """The fields a person fills in, in order; the traps are rendered apart."""
        return [self[name] for name in self.fields if name not in TRAP_FIELDS]

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            # One-line fields stay one line: no newline can reach an email header.
            if isinstance(field.widget, forms.TextInput) and cleaned_data.get(name):
                cleaned_data[name] = " ".join(str(cleaned_data[name]).split())
        if cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _("Please leave the field “Leave this field empty” empty, then send again."),
                code="honeypot",
            )
        token = read_token(self.abuse_scope, cleaned_data.get(STARTED_FIELD))
        age = None if token is None else time.time() - token[1]
        if age is None or age > FORM_MAX_AGE or age < -60:
            self.renew_token()
            raise forms.ValidationError(
                _(
                    "This form was open for too long or could not be read. "
                    "Please check it and send it again."
                ),
                code="expired",
            )
        if age < settings.FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _(
                    "That was quicker than anyone can fill in this form. "
                    "Please check it and send it again."
                ),
                code="too_fast",
            )
        self.nonce = token[0]
        return cleaned_data

    def renew_token(self):
        renew_token(self, STARTED_FIELD, self.abuse_scope)

    def sender_email(self):
        """The email address this submission counts against in the rate limits."""
        return self.cleaned_data.get("email", "")

    def fingerprint(self):
        """What was submitted, to tell a re-post of the same message from a new one."""
        values = {k: str(v) for k, v in self.cleaned_data.items() if k not in TRAP_FIELDS}
        return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def client_address(request):
    """The client's address, trusting TRUSTED_PROXY_COUNT proxies in front of us.

    Each trusted proxy appends the address it saw to X-Forwarded-For, so the client is the
    entry that many places from the end; anything before it could be forged by the client.
    An IPv6 client is counted by its /64 network, which one household or host usually owns
    whole.
    """
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if hops > 0 and len(forwarded) >= hops:
        address = forwarded[-hops]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def parse_rate(rate):
    """'5/h' -> (5, 3600); '10/15m' -> (10, 900)."""
    count, _sep, period = rate.partition("/")
    multiple = int(period[:-1] or 1)
    return int(count), multiple * PERIODS[period[-1]]


def take(key, rate, now=None):
    """Count one event against `rate` under `key`. Returns 0 while within the limit, else
    the seconds until the current window ends.

    The n-th event of a window claims slot n with `cache.add`, which only one caller can win,
    so two workers never both take the last slot. One read finds the first free slot.
    """
    limit, period = parse_rate(rate)
    now = time.time() if now is None else now
    window = int(now // period)
    retry_after = int(period - now % period) + 1
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    slots = [f"ratelimit:{digest}:{window}:{n}" for n in range(limit)]
    taken = cache.get_many(slots)
    for slot in slots:
        if slot not in taken and cache.add(slot, 1, timeout=period + 60):
            return 0
    return retry_after


def mailbox(email):
    """The mailbox an address delivers to, as every per-email limit counts it: spelling an
    address another way does not make another person. All of these are sam@example.org:
    Sam@Example.ORG, sam+news@example.org, "sam"@example.org, " <sam@example.org> ",
    sam@example.org. (a fully qualified domain); and sam@exämple.org is
    sam@xn--exmple-cua.org, however its domain is cased or encoded.

    Whatever the input, something is returned and counted: an address too odd to read
    must not skip the limit."""
    address = (email or "").strip()
    if address.startswith("<") and address.endswith(">"):
        address = address[1:-1].strip()
    # The domain cannot hold an "@"; a quoted local part can ("a@b"@example.org).
    local, _at, domain = address.rpartition("@")
    local = _unquoted(local.strip()).casefold().partition("+")[0]
    return f"{local}@{_ascii_domain(domain.strip())}"


def _unquoted(local):
    """A local part as the mail server reads it: "sam" is sam, "vic\\"tim" is vic"tim."""
    chars, escaped = [], False
    for char in local:
        if escaped:
            chars.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char != '"':
            chars.append(char)
    return "".join(chars)


def _ascii_domain(domain):
    """A domain in its one ASCII form: IDNA for Unicode (which also folds its case and reads
    the ideographic full stop as a dot), lower case, no root dot at the end."""
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        # Not a name IDNA can encode (an empty or overlong label): counted as typed.
        ascii_domain = domain
    return ascii_domain.casefold().rstrip(".")


def over_limit(request, scope, email):
    """Count this submission against the scope's limits per client address and per email
    address. Returns 0 when it may go ahead, else the seconds to wait."""
    limits = settings.RATE_LIMITS.get(scope, {})
    keys = {"ip": client_address(request), "email": mailbox(email)}
    waits = [take(f"{scope}:{kind}:{keys[kind]}", rate) for kind, rate in limits.items()]
    return max(waits, default=0)


def too_many_requests(request, retry_after=None):
    """The friendly 429 page. Also what allauth renders (as 429.html) for its own limits."""
    minutes = -(-retry_after // 60) if retry_after else None
    response = render(request, "429.html", {"retry_minutes": minutes}, status=429)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def posted_data(request):
    """What a form is bound to: the posted data, or None to show an empty form."""
    return request.POST if request.method == "POST" else None


def respond(request, form, template, *, notify, done_url, context=None):
    """A public form view's whole answer: `submit` a valid form, else show the form (again,
    with its errors and everything typed) from `template`."""
    if form.is_valid():
        response = submit(request, form, notify=notify, done_url=done_url)
        if response is not None:
            return response
    return render(request, template, {"form": form, **(context or {})})


def submit(request, form, *, notify, done_url):
    """Take a valid TrappedForm ModelForm the rest of the way; return the response to send.

    The record is stored with `form.save()` in a transaction; `notify(request, record)` then
    sends the emails. Returns None when the record could not be stored: the form then
    carries an error and the view shows it again.
    """
    if not cache_answers():
        # The rate limits and the one-submission token live in the shared cache. Without
        # it they cannot be checked, and an unguarded relay could flood a practitioner:
        # the form is refused, with everything typed still in it.
        logger.warning("The cache does not answer: a %s submission was refused", form.abuse_scope)
        form.renew_token()
        form.add_error(
            None,
            _(
                "We cannot accept forms for a moment; nothing was sent. Please try again in a "
                "few minutes: everything you typed is still here."
            ),
        )
        return None
    fingerprint = form.fingerprint()
    earlier = claim_display(form.abuse_scope, form.nonce, fingerprint)
    if earlier is not None:
        if earlier["fingerprint"] == fingerprint:
            # The same message sent again (a double click, a reload): it is stored already.
            return redirect(done_url)
        form.renew_token()
        form.add_error(
            None,
            _("This form was already sent once. Please check your new message and send it again."),
        )
        return None
    retry_after = over_limit(request, form.abuse_scope, form.sender_email())
    if retry_after:
        release_display(form.abuse_scope, form.nonce)
        return too_many_requests(request, retry_after)
    try:
        with transaction.atomic():
            record = form.save()
    except DatabaseError as error:
        # The class only: a database's error text can quote the values of the row, the
        # message typed in included.
        logger.error("Could not store a %s submission: %s", form.abuse_scope, type(error).__name__)
        release_display(form.abuse_scope, form.nonce)
        form.add_error(
            None,
            _(
                "We could not save your message just now; nothing was sent. "
                "Please try again in a few minutes."
            ),
        )
        return None
    # Autocommit: the record is committed here, so an email failure cannot lose it.
    notify(request, record)
    return redirect(done_url)
