"""Contributing case studies: drafts, preview, submission, withdrawal, proposed updates."""

from scn_portal.views import _pending

my_contributions = practice_create = practice_edit = practice_preview = _pending  # (contrib)
practice_submit = practice_withdraw = practice_propose_update = _pending  # PLACEHOLDER
attachment_delete = _pending  # PLACEHOLDER (contributing)
