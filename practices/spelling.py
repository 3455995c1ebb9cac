"""Spelling correction for search, the same on SQLite and PostgreSQL.

The vocabulary (`SearchWord`) holds the words of the title, summary and themes of published
practice only, each with the number of published practices that carry it. `refresh` keeps
it exact: whenever a practice is saved, its themes change or it is deleted, the words it
gave are taken back and the words it gives now (none unless it is published) are counted
again; a word whose count falls to zero leaves. So a draft, a submission, a rejected or an
archived case study never lends a word to "Did you mean".

`correct` replaces each unknown word of a query by the nearest word of the vocabulary within
one or two edits (a letter missing, extra, wrong or two letters swapped), in one query.
"""

import re
from collections import Counter

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Length
from rapidfuzz import process
from rapidfuzz.distance import OSA

# Only words at least this long are kept and corrected; shorter ones are too often right.
SHORTEST = 4
LONGEST = 60
BATCH = 500


def max_edits(word):
    """How many letters may be wrong in a word of this length: one in a four-letter word,
    two in a longer one."""
    return 1 if len(word) <= SHORTEST else 2


def words_of(*texts):
    """The distinct words of `texts` that the vocabulary keeps: lower-cased, letters only
    (any script), between SHORTEST and LONGEST letters, not numbers."""
    found = set()
    for text in texts:
        for word in re.findall(r"\w+", (text or "").lower()):
            if SHORTEST <= len(word) <= LONGEST and not word.isdigit() and "_" not in word:
                found.add(word)
    return found


def _practice_words(practice):
    if not practice.is_published:
        return set()
    return words_of(practice.title, practice.summary, *(t.name for t in practice.themes.all()))


def refresh(pks=None):
    """Count again the words of the practice with these pks (all practice when None)."""
    from practices.models import Practice, PracticeWords, SearchWord

    if pks is not None:
        pks = sorted({int(pk) for pk in pks})
        if not pks:
            return
    with transaction.atomic():
        if pks is None:
            # From scratch: nothing counted before is trusted.
            PracticeWords.objects.all().delete()
            SearchWord.objects.all().delete()
            practices = Practice.objects.published()
            counted = {}
        else:
            practices = Practice.objects.filter(pk__in=pks)
            counted = dict(
                PracticeWords.objects.filter(practice__in=pks).values_list("practice", "words")
            )
        practices = practices.only("pk", "title", "summary", "status", "update_of")
        added, removed = Counter(), Counter()
        keep, drop = [], []
        seen = set()
        for practice in practices.prefetch_related("themes").iterator(chunk_size=BATCH):
            seen.add(practice.pk)
            before = set(counted.get(practice.pk, "").split())
            now = _practice_words(practice)
            if before == now:
                continue
            added.update(now - before)
            removed.update(before - now)
            if now:
                keep.append(PracticeWords(practice_id=practice.pk, words=" ".join(sorted(now))))
            else:
                drop.append(practice.pk)
        # A practice deleted meanwhile gives its words back too.
        for pk in set(counted) - seen:
            removed.update(counted[pk].split())
            drop.append(pk)
        PracticeWords.objects.filter(practice__in=drop).delete()
        PracticeWords.objects.bulk_create(
            keep,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["practice"],
            update_fields=["words"],
        )
        _count(SearchWord, added, removed)


def forget(pk):
    """Take back the words the practice `pk` lent, before it is deleted."""
    from practices.models import PracticeWords, SearchWord

    words = PracticeWords.objects.filter(practice=pk).values_list("words", flat=True).first()
    if words:
        _count(SearchWord, Counter(), Counter(words.split()))
        PracticeWords.objects.filter(practice=pk).delete()


def _count(model, added, removed):
    delta = Counter(added)
    delta.subtract(removed)
    if not delta:
        return
    new = [model(word=word) for word, change in delta.items() if change > 0]
    if new:
        model.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
    by_change = {}
    for word, change in delta.items():
        if change:
            by_change.setdefault(change, []).append(word)
    for change, words in by_change.items():
        for start in range(0, len(words), BATCH):
            model.objects.filter(word__in=words[start : start + BATCH]).update(
                practices=F("practices") + change
            )
    model.objects.filter(practices__lte=0).delete()


def nearest(word, vocabulary):
    """The word of `vocabulary` ({word: practices}) nearest to `word` within its allowed
    edits, the most widely used first among equals; `word` itself when it is known or
    nothing is near."""
    if word in vocabulary:
        return word
    matches = process.extract(
        word, vocabulary.keys(), scorer=OSA.distance, score_cutoff=max_edits(word), limit=None
    )
    if not matches:
        return word
    best = min(matches, key=lambda match: (match[1], -vocabulary[match[0]], match[0]))
    return best[0]


def correct(words, excluded=()):
    """The query made of `words` (and -`excluded` ones) with each unknown word replaced by
    its nearest known word, in one query; None when nothing was corrected."""
    from practices.models import SearchWord

    candidates = [w for w in words if SHORTEST <= len(w) <= LONGEST and not w.isdigit()]
    if not candidates:
        return None
    shortest = min(len(w) for w in candidates)
    longest = max(len(w) for w in candidates)
    vocabulary = dict(
        SearchWord.objects.annotate(length=Length("word"))
        .filter(length__gte=shortest - 2, length__lte=longest + 2)
        .values_list("word", "practices")
    )
    replacements = {w: nearest(w, vocabulary) for w in candidates}
    if all(typed == known for typed, known in replacements.items()):
        return None
    corrected = [replacements.get(w, w) for w in words]
    return " ".join(corrected + [f"-{w}" for w in excluded])
