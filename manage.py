#!/usr/bin/env python
"""Django's command-line utility for the SCN portal."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scn_portal.settings")
    # manage.py is the developer's tool: unless DEBUG is set, it runs with the development
    # settings, so that a fresh checkout can `manage.py makemigrations --check` and the like.
    # Production sets DEBUG=0 (see the README); gunicorn loads scn_portal.wsgi, which has no
    # such default and refuses to start without a SECRET_KEY.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
