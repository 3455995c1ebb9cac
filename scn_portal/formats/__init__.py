"""The portal's date formats where they differ from Django's for a language
(FORMAT_MODULE_PATH): templates write `|date:"DATE_FORMAT"`, each language its own way."""
