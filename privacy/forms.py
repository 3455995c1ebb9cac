from django import forms
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(forms.Form):
    """The member confirms with their password that the account is theirs to delete."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your password. Nothing has been deleted."), code="password"
            )
        return password


class EmailLookupForm(forms.Form):
    """Staff: the address a person wrote from, to find what is held under it."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
