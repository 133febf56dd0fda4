"""`complaints cms config`: the form editor's configuration, made from the case schema."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from helpers import complaints
from putright.cms.config import PERSONAL_HINT, EditorSettings, build_config, render_config
from putright.cms.page import admin_files
from putright.schemas import schema

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 24)
SETTINGS = EditorSettings(years=(2026, 2025), categories=("repairs", "damp_and_mould"))


def _fields(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in config["collections"][0]["fields"]}


def _event_types(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["name"]: t for t in _fields(config)["events"]["types"]}


def test_every_case_field_is_in_the_form_in_the_schemas_order() -> None:
    fields = _fields(build_config(SETTINGS))
    # `imported` is written by `complaints import` alone, so the form leaves it as it is.
    assert list(fields) == [k for k in schema("case")["properties"] if k != "imported"]
    assert fields["id"].get("required", True) and fields["received"].get("required", True)
    assert fields["kind"]["required"] is False


def test_dates_are_plain_dates_and_optional_ones_start_empty() -> None:
    fields = _fields(build_config(SETTINGS))
    for name in ("received", "incident_date", "redacted"):
        field = fields[name]
        assert field["widget"] == "datetime"
        assert field["format"] == "YYYY-MM-DD"
        assert field["time_format"] is False
    assert "default" not in fields["received"]
    assert fields["incident_date"]["default"] == ""


def test_enums_are_selects_and_categories_are_the_organisations() -> None:
    fields = _fields(build_config(SETTINGS))
    assert fields["kind"]["widget"] == "select"
    assert fields["kind"]["options"] == ["complaint", "service_request", "compliment"]
    assert fields["tenure"]["options"] == ["lcra", "lcho", "other"]
    assert fields["category"]["options"] == ["repairs", "damp_and_mould"]
    # Without the organisation's list a category is free text, as the schema allows.
    loose = _fields(build_config(EditorSettings(years=(2026,))))
    assert loose["category"]["widget"] == "string"


def test_events_are_a_list_typed_on_type_with_each_types_own_fields() -> None:
    config = build_config(SETTINGS)
    events = _fields(config)["events"]
    assert events["widget"] == "list" and events["typeKey"] == "type"
    types = _event_types(config)
    assert list(types) == list(schema("case")["$defs"]["event"]["properties"]["type"]["enum"])
    # Written out by hand from the schema's branches: what each of these types may carry.
    assert [f["name"] for f in types["acknowledged"]["fields"]] == [
        "date",
        "stage",
        "by",
        "note",
        "letter",
    ]
    extended = {f["name"]: f for f in types["extended"]["fields"]}
    assert extended["working_days"]["widget"] == "number"
    assert extended["working_days"].get("required", True) is True
    assert extended["agreed"]["widget"] == "boolean"
    responded = {f["name"]: f for f in types["responded"]["fields"]}
    assert responded["outcome"]["options"] == ["upheld", "partially_upheld", "not_upheld"]
    assert responded["outcome"].get("required", True) is True
    remedy = {f["name"]: f for f in responded["remedies"]["fields"]}
    assert remedy["type"]["widget"] == "select" and "financial" in remedy["type"]["options"]
    assert remedy["amount_gbp"]["value_type"] == "float"
    assert remedy["due"]["widget"] == "datetime"
    refused = {f["name"]: f for f in types["refused"]["fields"]}
    assert refused["reason"]["widget"] == "select"


def _personal(field: dict[str, Any]) -> bool:
    return PERSONAL_HINT in field.get("hint", "")


def test_personal_fields_say_so_in_their_hints() -> None:
    """The personal fields as docs/developers/architecture.md lists them: the complainant,
    summary, definition, notes, an event's note, free-text reasons and explanations, remedy
    descriptions, learning."""
    config = build_config(SETTINGS)
    fields = _fields(config)
    personal = {n for n, f in fields.items() if _personal(f)}
    assert {"complainant", "summary", "definition", "notes", "learning"} <= personal
    assert not personal & {"id", "received", "kind", "channel", "category", "officer", "events"}
    assert all(_personal(f) for f in fields["complainant"]["fields"] if f["name"] != "advocate")
    types = _event_types(config)
    escalated = {f["name"]: f for f in types["escalated"]["fields"]}
    assert _personal(escalated["reason"]) and _personal(escalated["note"])
    assert not _personal(escalated["date"]) and not _personal(escalated["by"])
    responded = {f["name"]: f for f in types["responded"]["fields"]}
    remedy = {f["name"]: f for f in responded["remedies"]["fields"]}
    assert _personal(remedy["description"]) and not _personal(remedy["amount_gbp"])
    assert _personal(responded["learning"]) and not _personal(responded["outcome"])


def test_one_collection_per_year_newest_first() -> None:
    collections = build_config(SETTINGS)["collections"]
    years = [c for c in collections if c["name"].startswith("cases-")]
    assert [c["name"] for c in years] == ["cases-2026", "cases-2025"]
    assert [c["folder"] for c in years] == ["cases/2026", "cases/2025"]
    for collection in years:
        assert collection["format"] == "putright-yaml" and collection["extension"] == "yaml"
        assert collection["sortable_fields"][0] == {"field": "id", "default_sort": "desc"}
    assert build_config(SETTINGS)["publish_mode"] == "editorial_workflow"


def test_officers_are_a_relation_to_complaints_yml_never_in_the_config(tmp_path: Path) -> None:
    root = _repo(tmp_path, officers=["zelda_officer"])
    text = admin_files(str(root), TODAY)["admin/config.yml"].decode()
    assert "zelda_officer" not in text
    config = yaml.safe_load(text)
    officer = _fields(config)["officer"]
    assert officer["widget"] == "relation"
    assert (officer["collection"], officer["file"]) == ("settings", "complaints")
    assert officer["value_field"] == "officers.*"
    by = {f["name"]: f for f in _event_types(config)["closed"]["fields"]}["by"]
    assert by["widget"] == "relation"
    settings = next(c for c in config["collections"] if c["name"] == "settings")
    assert settings["hide"] is True and settings["files"][0]["file"] == "complaints.yml"


def _repo(tmp_path: Path, officers: list[str] | None = None, years: tuple[str, ...] = ()) -> Path:
    root = tmp_path / "repo"
    (root / "cases").mkdir(parents=True)
    for year in years:
        (root / "cases" / year).mkdir()
    lines = ['organisation: "Test Trust"', "categories: [repairs, other]"]
    if officers:
        lines.append(f"officers: [{', '.join(officers)}]")
    (root / "complaints.yml").write_text("\n".join(lines) + "\n", "utf-8")
    return root


def test_check_mode_exits_1_when_stale_and_writes_nothing(tmp_path: Path) -> None:
    root = _repo(tmp_path, years=("2024", "2025"))
    ran = complaints(root, "cms", "config", "--today", "2026-11-24")
    assert ran.code == 1 and "missing     admin/config.yml" in ran.out
    assert not (root / "admin").exists()
    ran = complaints(root, "cms", "config", "--write", "--today", "2026-11-24")
    assert ran.code == 0
    config = yaml.safe_load((root / "admin/config.yml").read_text("utf-8"))
    names = [c["name"] for c in config["collections"]]
    assert names == ["cases-2026", "cases-2025", "cases-2024", "settings"]
    assert complaints(root, "cms", "config", "--today", "2026-11-24").code == 0
    # A new category in complaints.yml makes the configuration stale.
    settings = root / "complaints.yml"
    settings.write_text(settings.read_text("utf-8").replace("other]", "other, noise]"), "utf-8")
    before = (root / "admin/config.yml").read_bytes()
    ran = complaints(root, "cms", "config", "--today", "2026-11-24")
    assert ran.code == 1 and "differs     admin/config.yml" in ran.out
    assert "complaints cms config --write" in ran.err
    assert (root / "admin/config.yml").read_bytes() == before


def test_a_broken_complaints_yml_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / "complaints.yml").write_text("organisation: [unclosed\n", "utf-8")
    ran = complaints(root, "cms", "config", "--write")
    assert ran.code == 1 and ran.err.startswith("complaints: complaints.yml")
    assert not (root / "admin").exists()


def test_this_repositorys_admin_is_current() -> None:
    for rel, content in admin_files(str(ROOT), TODAY).items():
        assert (ROOT / rel).read_bytes() == content, f"{rel}: run complaints cms config --write"


def test_the_config_names_its_maker_and_has_no_alias_but_the_shared_fields() -> None:
    text = render_config(SETTINGS)
    assert text.startswith("# The form editor's configuration")
    assert text.count("&id001") == 1 and text.count("*id001") == 1


def test_complaints_init_writes_a_current_admin(tmp_path: Path) -> None:
    root = tmp_path / "trust"
    assert complaints(tmp_path, "init", str(root), "--organisation", "T", "--no-input").code == 0
    config = yaml.safe_load((root / "admin/config.yml").read_text("utf-8"))
    assert config["collections"][0]["name"] == f"cases-{dt.date.today().year}"
    assert (root / "admin/index.html").is_file() and (root / "admin/putright-yaml.js").is_file()
    ran = complaints(root, "cms", "config")
    assert ran.code == 0, ran.out + ran.err
