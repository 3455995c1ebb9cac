"""How strong a new password must be, beyond Django's rules (AUTH_PASSWORD_VALIDATORS).

zxcvbn estimates how many guesses a password would take, through
django-zxcvbn-password-validator, whose refusal says what would make the password stronger
(zxcvbn's warning and suggestions, through gettext; the library's own French and Arabic
load only with "django_zxcvbn_password_validator" in INSTALLED_APPS). Every form that sets
a password runs it: sign-up, change password, and set a new one from a reset link.
"""

import re

from django_zxcvbn_password_validator import ZxcvbnPasswordValidator

# zxcvbn rates no more than this many characters.
ZXCVBN_MAX_LENGTH = 72


class PasswordStrengthValidator(ZxcvbnPasswordValidator):
    def validate(self, password, user=None):
        # The library refuses anything longer than zxcvbn rates, which would turn away a
        # long passphrase or a password manager's; a password is at least as hard to guess
        # as its beginning, so the beginning is what is rated.
        super().validate(password[:ZXCVBN_MAX_LENGTH], user=user)

    def _get_user_inputs(self, user):
        # zxcvbn is given the whole address, so it would not see "harrietoyelaran" in
        # harriet.oyelaran@example.org; anyone who knows the address can guess its words.
        email = getattr(user, "email", "") or ""
        words = [word for word in re.split(r"\W+", email) if word]
        return super()._get_user_inputs(user) + words
