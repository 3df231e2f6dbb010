"""Turn the short Markdown of questions, hints and solutions into HTML for widgets.

Uses ``mistune`` (installed with JupyterLab, through nbconvert) when it is available;
otherwise falls back to a small converter that handles what exercise texts use:
paragraphs, ``**bold**``, ``*italic*``, ```code```, bullet lists and links.
"""

from __future__ import annotations

import html
import re

__all__ = ["to_html", "inline_to_html"]

try:  # pragma: no cover - which branch runs depends on the environment
    import mistune as _mistune

    _render = _mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])
except Exception:  # pragma: no cover
    _render = None


_INLINE_RULES = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*([^*]+)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![*\w])\*([^*\s][^*]*)\*(?![*\w])"), r"<em>\1</em>"),
    (re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)"), r'<a href="\2">\1</a>'),
]


def inline_to_html(text: str) -> str:
    """Escape ``text`` and convert inline Markdown (bold, italic, code, links) to HTML."""
    out = html.escape(text, quote=False)
    for pattern, repl in _INLINE_RULES:
        out = pattern.sub(repl, out)
    return out


_BULLET = re.compile(r"^\s*[-*]\s+")


def _fallback(text: str) -> str:
    blocks = re.split(r"\n\s*\n", text.strip())
    parts = []
    for block in blocks:
        lines = block.splitlines()
        if lines and all(re.match(r"\s*[-*]\s+", ln) for ln in lines):
            texts = [_BULLET.sub("", ln) for ln in lines]
            items = "".join(f"<li>{inline_to_html(t)}</li>" for t in texts)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{inline_to_html(' '.join(ln.strip() for ln in lines))}</p>")
    return "\n".join(parts)


def to_html(text: str) -> str:
    """Return the HTML for a Markdown ``text`` (block level: paragraphs, lists)."""
    if _render is not None:
        return str(_render(text)).strip()
    return _fallback(text)
