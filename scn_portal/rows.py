"""What a template draws many times a page (map marks, facet values) is given as a Row."""


class Row(dict):
    """A dict whose keys also read as attributes, for values a template draws by the
    hundred. Django's templates try `value[key]` before `value.key`: on a dict the first try
    succeeds, where an object's costs an exception, so a list of rows draws in about half the
    time a list of objects takes."""

    __slots__ = ()

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
