"""Text search over practice: one entry point, `search_practices`, used by the library and
the site-wide search page. The engine is chosen here and nowhere else (`engine()`).

On PostgreSQL, practice is found through a weighted full-text document kept in the
`search_document` column (title A; summary and themes B; body sections C; city and
organisation names D; and the practice's language, as a mark the index finds it by),
created by migration 0005 and refreshed by `refresh_documents`.
The column is not a model field, so the model stays the same on SQLite; `Document()` names
it in queries. Misspelt words are corrected from the words of published practice, on
either database (practices/spelling.py).

On SQLite, a practice matches when every word and every quoted phrase occurs in its title,
text, themes or city, and no excluded (-word) occurs in them.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Expression,
    F,
    FloatField,
    Func,
    JSONField,
    Lookup,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)

from practices.models import QUOTED_SECTIONS, SECTIONS, JSONGroupArray
from scn_portal.languages import page_language
from scn_portal.rows import ids_of

# Characters of a query that are read; the rest is ignored.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# The snippet: the text it is taken from, and its length in words.
SNIPPET_FIELDS = ["summary", *QUOTED_SECTIONS]
SNIPPET_WORDS = 30
# Fields a practice is found by on SQLite, most telling first.
TEXT_FIELDS = ["title", *SNIPPET_FIELDS]
# Each practice's document is built with the text search configuration of the language it
# is written in (its `language`), and a query is read with that same configuration for each
# practice: a French query finds French case studies by their stems ("villes" finds "ville"),
# an Arabic one Arabic case studies. A language without one here is read word for word.
CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "ar": "arabic"}
FALLBACK_CONFIG = "simple"


def config_sql(language_column):
    """SQL for the configuration of the language in `language_column` (constants only)."""
    whens = " ".join(f"WHEN '{code}' THEN '{config}'" for code, config in CONFIGS.items())
    return f"(CASE {language_column} {whens} ELSE '{FALLBACK_CONFIG}' END)::regconfig"


# Relevance is weighed among the newest RANKED_MATCHES matches of a query (the library: of
# its results), and older matches follow them, newest first. Weighing every match would cost
# a common word's whole share of the library (30,000 documents read at 100,000 practices) on
# each search; the search page pages no further than this anyway ("1,000+"). Below this many
# matches, which is every query in a library of a few thousand, nothing changes.
RANKED_MATCHES = 1000
# The markers ts_headline puts around a match, from Unicode's private use area; Marked
# (below) cuts the text at them.
START, STOP = "\ue000", "\ue001"


def engine():
    """The search engine for the database in use: the one place that chooses."""
    return "postgresql" if connection.vendor == "postgresql" else "basic"


# --- reading a query ----------------------------------------------------------------------


def clean_query(text):
    """What a person typed, made safe to search with: no control characters (NUL included),
    single spaces, at most MAX_QUERY_LENGTH characters."""
    text = re.sub(r"[\x00-\x1f\x7f\ue000\ue001]", " ", str(text or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


@dataclass
class ParsedQuery:
    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    excluded: list = field(default_factory=list)

    @property
    def terms(self):
        """Everything a result must contain, for highlighting."""
        return self.phrases + self.words

    def __bool__(self):
        return bool(self.words or self.phrases)


def parse(query):
    """Words, "quoted phrases" and -excluded words, lower-cased, as a search box reads them."""
    text = clean_query(query).lower()
    parsed = ParsedQuery()
    # An unclosed quote runs to the end of the query.
    for minus, quoted in re.findall(r'(-?)"([^"]*)"?', text):
        phrase = " ".join(re.findall(r"\w+", quoted))
        if len(phrase) < 2:
            continue
        target = parsed.excluded if minus else parsed.words if " " not in phrase else parsed.phrases
        if phrase not in target:
            target.append(phrase)
    rest = re.sub(r'-?"[^"]*"?', " ", text)
    for token in rest.split():
        negative = token.startswith("-")
        for word in re.findall(r"\w+", token):
            if len(word) < 2:
                continue
            target = parsed.excluded if negative else parsed.words
            if word not in target:
                target.append(word)
    parsed.words = parsed.words[:MAX_TERMS]
    parsed.phrases = parsed.phrases[:MAX_TERMS]
    parsed.excluded = parsed.excluded[:MAX_TERMS]
    return parsed


def terms(query):
    """The words of a query a person typed, lower-cased, at most MAX_TERMS of them."""
    return parse(query).words


# --- matching any model by plain containment ------------------------------------------------


def _contains_any(fields, text):
    match = Q()
    for name in fields:
        match |= Q(**{f"{name}__icontains": text})
    return match


def contains_all(queryset, query, fields):
    """`queryset` narrowed to rows whose `fields` together contain every word and phrase of
    `query` and none of its -excluded words. The simple search, for small tables and SQLite."""
    parsed = query if isinstance(query, ParsedQuery) else parse(query)
    if not parsed:
        return queryset.none()
    for text in parsed.terms:
        queryset = queryset.filter(_contains_any(fields, text))
    for text in parsed.excluded:
        queryset = queryset.exclude(_contains_any(fields, text))
    return queryset


# --- practice --------------------------------------------------------------------------------


def search_practices(queryset, query):
    """`queryset` narrowed to the practice matching `query`, most relevant first. An empty
    query returns `queryset` unchanged."""
    parsed = parse(query)
    if not parsed:
        return queryset
    if engine() == "postgresql":
        return _fts(queryset, clean_query(query))
    return _basic(queryset, parsed)


def matching_ids(queryset, query):
    """The ids of the practice of `queryset` matching `query`, unordered and unranked, as a
    list: the cheap part of a search (an empty query matches everything)."""
    return ids_of(search_practices(queryset, query))


class _AnyOf(Lookup):
    """`lhs = ANY(rhs)`: the column's value is one of the integers `rhs` (PostgreSQL), sent
    as one array parameter written as text: a thousand ids written out as `IN (...)`, or
    adapted one by one, cost Django and psycopg milliseconds to compile and send."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        array = "{" + ",".join(str(int(value)) for value in self.rhs) + "}"
        return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, array]


def among(ids):
    """A condition on practice (for `filter()` or `When()`): its id is one of `ids`."""
    ids = tuple(ids)
    if connection.vendor == "postgresql":
        return _AnyOf(F("pk"), ids)
    return Q(pk__in=ids)


def by_relevance(queryset, query, unweighed=()):
    """`queryset`, practice known to match `query`, in the order a text query shows them: the
    most relevant first, then the newest. Those with their ids in `unweighed` are not weighed
    and come after the others, newest first: weighing a match reads its whole document, so a
    caller gives at most RANKED_MATCHES practice to weigh."""
    relevance = relevance_of(query)
    if relevance is None:
        # Nothing searchable in the query: everything matches, equally.
        return queryset.order_by("-published_at", "-pk")
    if unweighed:
        relevance = Case(When(among(unweighed), then=Value(-1.0)), default=relevance)
    return queryset.annotate(weight=relevance).order_by("-weight", "-published_at", "-pk")


def relevance_of(query):
    """How well a practice matches `query`, as an expression (higher is better); None when
    nothing in the query is searchable."""
    parsed = parse(query)
    if not parsed:
        return None
    if engine() == "postgresql":
        from django.contrib.postgres.search import SearchRank

        # ts_rank rather than ts_rank_cd: both weigh the parts and the nearness of the words
        # of an AND query, but cover density costs about twice as much per match.
        return SearchRank(Document(), _own_language_query(clean_query(query)), weights=RANK_WEIGHTS)
    return _in_title(parsed)


def _in_title(parsed):
    """The basic engine's relevance: 1 when the title holds every term, else 0."""
    in_title = Q()
    for text in parsed.terms:
        in_title &= Q(title__icontains=text)
    return Case(When(in_title, then=Value(1.0)), default=Value(0.0), output_field=FloatField())


def _newest(matches, limit):
    """The ids of the newest `limit` practice of `matches`, as a subquery."""
    return matches.order_by("-published_at", "-pk").values("pk")[:limit]


def _basic(queryset, parsed):
    fields = [*TEXT_FIELDS, "city__name", "themes__name"]
    matching = contains_all(queryset.model.objects.all(), parsed, fields)
    return (
        queryset.filter(pk__in=matching.values("pk"))
        .annotate(rank=_in_title(parsed))
        .order_by("-rank", "-published_at", "-pk")
    )


class Document(Expression):
    """The practice table's `search_document` column (PostgreSQL only), under whatever alias
    the table has in the query it is used in."""

    def __init__(self, alias=None):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())
        self.alias = alias

    def resolve_expression(self, query=None, *args, **kwargs):
        resolved = self.copy()
        resolved.alias = query.get_initial_alias()
        return resolved

    def relabeled_clone(self, change_map):
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def get_group_by_cols(self):
        return [self]

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.search_document", []


def _tsquery(text, config):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(text, search_type="websearch", config=config)


# Each document also carries its practice's language as a lexeme that no text can give (it
# holds a space, where the parser always splits): "lang en". The query then asks, in one
# condition the full-text index answers alone, for the words read in English together with
# "lang en", or read in French together with "lang fr", and so on. Checking each match's
# language in its document instead read and decompressed the document of every match: 60 ms
# of a common query's 62 at 100,000 practices, against 2 ms (docs/benchmarks.md).
LANGUAGE_MARK = "lang {}"
# A lexeme no document carries: what a reading with no words (only stop words of that
# language) becomes, so that it matches nothing rather than every practice of the language.
NO_MATCH = "lang -"


class _LanguageQuery(Expression):
    """`text` read in each configuration, each reading joined with its language's mark:
    practice written in a language without a configuration are read word for word."""

    def __init__(self, text):
        from django.contrib.postgres.search import SearchQueryField

        super().__init__(output_field=SearchQueryField())
        self.text = text

    def as_sql(self, compiler, connection):
        def mark(code):
            return "'" + LANGUAGE_MARK.format(code) + "'"

        def reading(config, joined):
            query = "websearch_to_tsquery(%s::regconfig, %s)"
            return (
                f"(CASE WHEN numnode({query}) = 0 THEN %s::tsquery ELSE {query} && {joined} END)",
                [config, self.text, f"'{NO_MATCH}'", config, self.text],
            )

        parts, params = [], []
        for code, config in CONFIGS.items():
            sql, part_params = reading(config, "%s::tsquery")
            parts.append(sql)
            params += [*part_params, mark(code)]
        others = " && ".join("!!%s::tsquery" for _code in CONFIGS)
        sql, part_params = reading(FALLBACK_CONFIG, f"({others})")
        parts.append(sql)
        params += [*part_params, *(mark(code) for code in CONFIGS)]
        return "(" + " || ".join(parts) + ")", params


def _own_language_query(text):
    """`text` read in the configuration of each practice's language, as an expression."""
    from django.contrib.postgres.search import SearchQueryField

    return Case(
        *(When(language=code, then=_tsquery(text, config)) for code, config in CONFIGS.items()),
        default=_tsquery(text, FALLBACK_CONFIG),
        output_field=SearchQueryField(),
    )


# How much a match in each part of the document counts: D (city and organisation names),
# C (body sections), B (summary and themes), A (title).
RANK_WEIGHTS = [0.05, 0.1, 0.4, 1.0]


def _fts(queryset, text):
    return (
        _matches(queryset, text)
        .annotate(rank=relevance_of(text))
        .order_by("-rank", "-published_at", "-pk")
    )


def _matches(queryset, text):
    """The practice of `queryset` whose document matches `text` read in the practice's own
    language, found through the full-text index alone (PostgreSQL)."""
    return queryset.filter(
        Func(
            Document(),
            _LanguageQuery(text),
            arg_joiner=" @@ ",
            template="(%(expressions)s)",
            output_field=BooleanField(),
        )
    )


def _columns(conn, alias, names):
    """The columns `names` of the table aliased `alias`, quoted for `conn`, comma-separated."""
    return ", ".join(f"{alias}.{conn.ops.quote_name(name)}" for name in names)


# --- one page of ranked practice, in one query ------------------------------------------------


def ranked_page(query, offset, limit):
    """The published practice matching `query` ranked from `offset`, at most `limit` rows,
    and the number of matches up to RANKED_MATCHES + 1, in ONE query: `(found, rows)`. The
    newest RANKED_MATCHES matches are ranked, most relevant first. Each row has its city
    and region, `theme_names`, and a highlighted `title_marked` and `snippet`.

    When `offset` is past the last match, `rows` is empty but `found` is still right."""
    from practices.models import Practice

    parsed = parse(query)
    if not parsed:
        return 0, []
    if engine() == "postgresql":
        return _fts_page(Practice.objects.published(), clean_query(query), offset, limit)
    return _basic_page(Practice.objects.published(), parsed, offset, limit)


def _basic_page(queryset, parsed, offset, limit):
    from django.db.models.functions import RowNumber

    from practices.models import TaggedPractice

    themes = (
        TaggedPractice.objects.filter(content_object_id=OuterRef("pk"))
        .order_by()
        .values("content_object_id")
        .annotate(names=JSONGroupArray("tag__name"))
        .values("names")
    )
    ordering = [F("rank").desc(), F("published_at").desc(), F("pk").desc()]
    # One more than are weighed, so that the count can say "more than RANKED_MATCHES".
    newest = _newest(_basic(queryset, parsed), RANKED_MATCHES + 1)
    ranked = (
        queryset.filter(pk__in=newest)
        .annotate(rank=_in_title(parsed))
        .select_related("city", "city__region")
        .annotate(
            theme_list=Subquery(themes, output_field=JSONField()),
            found=Window(Count("pk")),
            position=Window(RowNumber(), order_by=ordering),
        )
        # The first row always comes, for the count, even for a page past the end.
        .filter(Q(position__gt=offset, position__lte=offset + limit) | Q(position=1))
        .order_by("position")
    )
    rows = list(ranked)
    found = rows[0].found if rows else 0
    rows = [row for row in rows if row.position > offset]
    for practice in rows:
        practice.title_marked = highlight(practice.title, parsed, words=10_000)
        practice.snippet = first_match([getattr(practice, f) for f in SNIPPET_FIELDS], parsed)
    return found, rows


# ts_headline reads this many characters of a practice's text at most: enough for the
# summary and the first sections, and a snippet costs the same for a long text.
HEADLINE_TEXT = 4000


def _fts_page(queryset, text, offset, limit):
    from cities.models import City, Region
    from practices.models import Practice

    # The newest matches, one more than are weighed (so that the count can say "more than
    # RANKED_MATCHES"), weighed in the scan that finds them: each document is read once.
    matches = (
        _matches(queryset, text)
        .annotate(rank=relevance_of(text))
        .order_by("-published_at", "-pk")
        .values("pk", "published_at", "rank")[: RANKED_MATCHES + 1]
    )
    matches_sql, matches_params = matches.query.sql_with_params()
    options = (
        f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )
    body = _columns(connection, "p", SNIPPET_FIELDS)
    # Each row highlighted in the configuration of its own language.
    config = config_sql("p.language")
    # The region's name in the page's language, else English (a code of settings.LANGUAGES).
    language = page_language()
    region_name = f"COALESCE(NULLIF(r.name_{language}, ''), r.name_{settings.LANGUAGE_CODE})"
    # The matches are ranked on their id and document alone; only the page's rows are
    # then read whole, highlighted and given their themes.
    sql = f"""
        WITH matches (id, published_at, rank) AS MATERIALIZED ({matches_sql}),
        page AS (
            SELECT id, rank, published_at FROM matches
             ORDER BY rank DESC, published_at DESC, id DESC
             LIMIT %s OFFSET %s)
        SELECT total.found, p.id, p.title, p.slug, p.evidence_level,
               c.id, c.name, c.slug, r.id, {region_name}, r.slug,
               ts_headline({config}, p.title, websearch_to_tsquery({config}, %s), %s),
               ts_headline({config}, left(concat_ws(' ', {body}), %s),
                           websearch_to_tsquery({config}, %s), %s),
               ARRAY(SELECT t.name FROM practices_taggedpractice tp
                       JOIN taggit_tag t ON t.id = tp.tag_id
                      WHERE tp.content_object_id = p.id ORDER BY t.name)
          FROM (SELECT count(*) AS found FROM matches) AS total
          LEFT JOIN page ON true
          LEFT JOIN practices_practice p ON p.id = page.id
          LEFT JOIN cities_city c ON c.id = p.city_id
          LEFT JOIN cities_region r ON r.id = c.region_id
         ORDER BY page.rank DESC, page.published_at DESC, page.id DESC
    """  # noqa: S608 - only SQL compiled by Django and constant column names are formatted in
    params = [
        *matches_params,
        limit,
        offset,
        text,
        # The whole title: fragment options (MaxFragments) would override HighlightAll and
        # cut it, dropping a leading "A" or "The".
        f"StartSel={START}, StopSel={STOP}, HighlightAll=true",
        HEADLINE_TEXT,
        text,
        options,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        records = cursor.fetchall()
    found = records[0][0] if records else 0
    rows = []
    for record in records:
        (_, pk, title, slug, evidence, city_id, city_name, city_slug) = record[:8]
        (region_id, region_name, region_slug, title_marked, snippet, themes) = record[8:]
        if pk is None:
            continue
        practice = Practice(pk=pk, title=title, slug=slug, evidence_level=evidence)
        if city_id is not None:
            region = Region(pk=region_id, name=region_name, slug=region_slug)
            practice.city = City(pk=city_id, name=city_name, slug=city_slug, region=region)
        practice.theme_list = list(themes)
        practice.title_marked = _marked(title_marked) if title_marked else Marked([(title, False)])
        practice.snippet = _marked(snippet)
        rows.append(practice)
    return found, rows


def correct(query):
    """`query` with each unknown word replaced by the nearest word of published practice
    (practices/spelling.py, one query on either database); None when nothing could be
    corrected."""
    from practices import spelling

    parsed = parse(query)
    if parsed.phrases:
        return None
    return spelling.correct(parsed.words, parsed.excluded)


# --- snippets ---------------------------------------------------------------------------------


class Marked(list):
    """Text in parts, each (text, matched): what templates/includes/marked.html draws, the
    matched parts in <mark>. Plain text, never markup: the template escapes every part."""

    def __str__(self):
        return "".join(text for text, _matched in self)


def _marked(text):
    """`text` cut at its START/STOP markers, the parts between them matched (always
    balanced: a marker without its pair is dropped or closed at the end)."""
    parts, open_ = Marked(), False
    for part in re.split(f"([{START}{STOP}])", " ".join(text.split())):
        if part == START:
            open_ = True
        elif part == STOP:
            open_ = False
        elif part:
            parts.append((part, open_))
    return parts


def highlight(text, query, words=SNIPPET_WORDS):
    """A snippet of `text` around the first match of `query`, its matches marked (Marked).

    Words match at their start ("radical" marks "radicalisation"); phrases match whole."""
    parsed = query if isinstance(query, ParsedQuery) else parse(query)
    text = clean_query(text) if len(text or "") < 20000 else clean_query(text[:20000])
    patterns = [r"\s+".join(re.escape(w) for w in t.split()) for t in parsed.terms]
    if not text:
        return Marked()
    if not patterns:
        return _marked(" ".join(text.split()[:words]) + ("…" if len(text.split()) > words else ""))
    finder = re.compile(r"\b(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + ")", re.I)
    found = finder.search(text)
    tokens = text.split(" ")
    if found:
        before = len(text[: found.start()].split())
        start = max(0, before - words // 3)
    else:
        start = 0
    window = " ".join(tokens[start : start + words])
    window = finder.sub(lambda m: f"{START}{m.group(0)}{STOP}", window)
    prefix = "… " if start else ""
    suffix = " …" if start + words < len(tokens) else ""
    return _marked(prefix + window + suffix)


def first_match(texts, query):
    """The first of `texts` containing a term of `query` (else the first non-empty one),
    as a highlighted snippet."""
    parsed = query if isinstance(query, ParsedQuery) else parse(query)
    texts = [t for t in texts if t and t.strip()]
    lowered = [t.lower() for t in texts]
    for text, low in zip(texts, lowered, strict=True):
        if any(term in low for term in parsed.terms):
            return highlight(text, parsed)
    return highlight(texts[0], parsed) if texts else Marked()


# --- keeping the PostgreSQL documents up to date ----------------------------------------------

DOCUMENT_SQL = """
UPDATE practices_practice AS target
   SET search_document =
         setweight(to_tsvector({config}, coalesce(p.title, '')), 'A')
      || setweight(to_tsvector({config}, concat_ws(' ', p.summary, themes.names)), 'B')
      || setweight(to_tsvector({config}, concat_ws(' ', {sections})), 'C')
      || setweight(to_tsvector({config}, concat_ws(' ', city.name, orgs.names)), 'D')
      || array_to_tsvector(ARRAY['{mark}' || p.language])
  FROM practices_practice AS p
  LEFT JOIN cities_city AS city ON city.id = p.city_id
  LEFT JOIN LATERAL (
        SELECT string_agg(tag.name, ' ') AS names
          FROM practices_taggedpractice AS tagged
          JOIN taggit_tag AS tag ON tag.id = tagged.tag_id
         WHERE tagged.content_object_id = p.id) AS themes ON true
  LEFT JOIN LATERAL (
        SELECT string_agg(org.name, ' ') AS names
          FROM practices_practice_organisations AS link
          JOIN cities_partnerorganisation AS org ON org.id = link.partnerorganisation_id
         WHERE link.practice_id = p.id) AS orgs ON true
 WHERE target.id = p.id {where}
"""


def refresh_documents(pks=None, using=None):
    """Rebuild the search documents of the practice with these pks, or of all practice
    when `pks` is None, in one UPDATE. Does nothing off PostgreSQL."""
    from django.db import connections

    conn = connections[using] if using else connection
    if conn.vendor != "postgresql":
        return
    pks = None if pks is None else sorted({int(pk) for pk in pks})
    if pks == []:
        return
    where, params = ("", []) if pks is None else ("AND p.id = ANY(%s)", [pks])
    with conn.cursor() as cursor:
        sections = _columns(conn, "p", SECTIONS)
        config = config_sql("p.language")
        mark = LANGUAGE_MARK.format("")  # a constant: "lang "
        sql = DOCUMENT_SQL.format(config=config, sections=sections, where=where, mark=mark)
        cursor.execute(sql, params)
