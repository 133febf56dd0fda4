"""A letter plan rendered as Word (docxtpl over python-docx) or as Markdown (for email).

Templates are the trust's own (``letters/templates/<kind>.docx`` / ``.md`` in its repository)
or, where it has none, the defaults shipped here. Every value is a complainant's or officer's
text: Word output is rendered with autoescaping (docxtpl drops or breaks on "&" and "<"
otherwise), Markdown output through ``md_inline``, so nothing in a record becomes markup. A
value is never parsed as a template: "{{ x }}" in a record is printed as it is.
"""

from __future__ import annotations

import io
import os
from importlib import resources

import jinja2

from ..errors import PutrightError
from ..textsafe import md_inline
from .context import LetterPlan

TEMPLATES_DIR = "letters/templates"  # in a trust's repository
FORMATS = {"docx": ".docx", "markdown": ".md"}


def default_template(kind: str, fmt: str) -> bytes:
    return (resources.files(__package__) / "templates" / f"{kind}{FORMATS[fmt]}").read_bytes()


def template_bytes(root: str, kind: str, fmt: str) -> tuple[bytes, str]:
    """The trust's template for ``kind`` if it has one, else the default; and where it came from."""
    rel = f"{TEMPLATES_DIR}/{kind}{FORMATS[fmt]}"
    own = os.path.join(root, rel)
    if os.path.isfile(own):
        with open(own, "rb") as handle:
            return handle.read(), rel
    return default_template(kind, fmt), f"(default) {kind}{FORMATS[fmt]}"


def render_docx(plan: LetterPlan, template: bytes, label: str) -> bytes:
    from docxtpl import DocxTemplate

    try:
        document = DocxTemplate(io.BytesIO(template))
        document.render(plan.context, autoescape=True)
    except jinja2.TemplateError as exc:
        raise PutrightError(f"the template cannot be filled in: {exc}", file=label) from None
    except Exception as exc:  # a .docx that is not one: zip or XML errors from python-docx
        raise PutrightError(f"not a Word template: {exc}", file=label) from None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_markdown(plan: LetterPlan, template: bytes, label: str) -> bytes:
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        finalize=md_inline,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, not HTML: md_inline escapes every value
    )
    try:
        text = env.from_string(template.decode("utf-8")).render(plan.context)
    except (jinja2.TemplateError, UnicodeDecodeError) as exc:
        raise PutrightError(f"the template cannot be filled in: {exc}", file=label) from None
    return text.encode("utf-8")


def render(plan: LetterPlan, root: str, fmt: str) -> bytes:
    template, label = template_bytes(root, plan.kind, fmt)
    if fmt == "docx":
        return render_docx(plan, template, label)
    return render_markdown(plan, template, label)


def default_name(plan: LetterPlan, fmt: str) -> str:
    """letters/<case id>/<date>-<kind>-stage<N><ext>, relative to the repository."""
    return (
        f"letters/{plan.case_id}/{plan.date.isoformat()}-{plan.kind}-stage{plan.stage}"
        f"{FORMATS[fmt]}"
    )
