# The network writes English dates day first, as its international readers do: 6 December 2026.
DATE_FORMAT = "j F Y"
