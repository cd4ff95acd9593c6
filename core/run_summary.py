"""What a run needs the user to look at, said at the end of every run (issue 10: never succeed
silently): unlinked samples, deposits without an estimate, fallback ids, assumed CRSs and
rejected rows. The pipeline logs it and writes it as ``run_summary.txt`` into its folder,
also when the run fails.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .atomic_file import write_text
from .message import Message, translated
from .report_style import Translate, untranslated

SUMMARY_FILE_NAME = "run_summary.txt"
# Deposit ids listed by name in the summary; beyond this, a count (the full list is in the layer).
MAX_LISTED = 20


def listed(items: list[str], limit: int = MAX_LISTED) -> str:
    """``a, b, c`` or ``a, b, … (and 12 more)``."""
    head = ", ".join(items[:limit])
    return Message("{0}, … (and {1} more)", head, len(items) - limit) if len(items) > limit else head


@dataclass
class RunSummary:
    """Attention items by topic, in the order they are reported; ``facts`` are neutral counts."""

    title: str = Message("Tailings UNFC run")
    facts: list[str] = field(default_factory=list)
    fallback_ids: list[str] = field(default_factory=list)
    assumed_crs: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)
    no_estimate: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    failure: str | None = None
    # the run's language (the pipeline algorithm passes Qt's tr): headings, and items that are Messages
    translate: Translate = untranslated

    _TOPICS = (("fallback_ids", "FALLBACK IDS (deposit_id taken from the name)"),
               ("assumed_crs", "Assumed coordinate reference systems"),
               ("rejected", "Rejected rows and features (see the rejects folder)"),
               ("unlinked", "Samples not linked to any deposit (not used)"),
               ("no_estimate", "Deposits without an estimate (not classified)"),
               ("other", "Other warnings"))

    @property
    def needs_attention(self) -> bool:
        return self.failure is not None or any(getattr(self, name) for name, _ in self._TOPICS)

    def lines(self) -> list[str]:
        translate = self.translate
        out = [translated(self.title, translate), ""]
        if self.failure:
            out += [translate("RUN FAILED: ") + translated(self.failure, translate), ""]
        out += [translated(fact, translate) for fact in self.facts]
        if not self.needs_attention:
            return [*out, "", translate("Nothing needs your attention.")]
        out += ["", translate("Needs your attention:")]
        for name, heading in self._TOPICS:
            items = getattr(self, name)
            if items:
                out += ["", f"* {translate(heading)}:"] + [f"  - {translated(item, translate)}" for item in items]
        return out

    def text(self) -> str:
        return "\n".join(self.lines()) + "\n"

    def write(self, folder: str | Path) -> Path:
        """``run_summary.txt`` in ``folder``, written atomically."""
        target = Path(folder) / SUMMARY_FILE_NAME
        return write_text(target, self.text())  # mode from the umask (0644), not mkstemp's 0600
