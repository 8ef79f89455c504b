"""Records retention (§3.2.2): classes, the disposal list, holds and the destruction act."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from core.models import Notification
from core.roles import Role
from documents import services
from documents.models import DestroyedFile, DestructionAct, Record
from tests.documents import records_world as world
from tests.factories import PASSWORD


@pytest.fixture
def cast(make_person):
    return {
        "qms": make_person(Role.QMS_OWNER, username="qms_r", language="en"),
        "legal": make_person(Role.LEGAL_HEAD, username="legal_r", language="en"),
        "director": make_person(Role.DIRECTOR, username="dg_r", language="en"),
        "staff": make_person(Role.STAFF, username="staff_r", language="en"),
    }


def test_a_record_is_kept_for_its_class_period_or_permanently(cast):
    form = world.form_version(cast["qms"])
    five = world.record_class("02-01", years=5)
    forever = world.record_class("02-02", years=None)
    made = services.record_create(
        actor=cast["staff"],
        title="Minutes",
        template_version=form,
        process=five.process,
        upload=SimpleUploadedFile("m.txt", b"minutes"),
        record_class=five,
    )
    assert made.retention_until.year == timezone.localdate().year + 5
    kept = services.record_create(
        actor=cast["staff"],
        title="Register",
        template_version=form,
        process=forever.process,
        upload=SimpleUploadedFile("r.txt", b"register"),
        record_class=forever,
    )
    assert kept.retention_until is None
    assert kept not in services.records_due_for_disposal()


def test_the_due_list_has_only_records_whose_retention_ended(cast):
    old = world.record(cast["qms"], title="Old")
    world.record(cast["qms"], title="Young", ended_days_ago=-30)
    assert list(services.records_due_for_disposal()) == [old]


def test_a_held_record_cannot_be_put_in_an_act(cast, client):
    held = world.record(cast["qms"], title="Claimed")
    services.record_hold(record=held, actor=cast["legal"], hold=True, reason="Court case 12/2026")
    with pytest.raises(ValidationError, match="Held records cannot be destroyed"):
        services.destruction_propose(actor=cast["qms"], records=[held], basis="Retention ended")
    client.force_login(cast["qms"])
    response = client.post(reverse("documents:destruction_propose"), {"records": [held.pk], "basis": "Ended"})
    assert response.status_code == 200
    assert "Court case 12/2026" in response.content.decode()
    assert DestructionAct.objects.count() == 0


def test_a_hold_needs_a_reason_and_only_the_legal_head_or_records_owner_holds(cast):
    row = world.record(cast["qms"])
    with pytest.raises(ValidationError, match="Say why"):
        services.record_hold(record=row, actor=cast["legal"], hold=True, reason=" ")
    with pytest.raises(PermissionDenied):
        services.record_hold(record=row, actor=cast["staff"], hold=True, reason="x")
    row.refresh_from_db()
    assert not row.legal_hold


def test_a_registered_hold_rule_keeps_records_out_of_acts(cast):
    row = world.record(cast["qms"], title="Audited")
    rule = lambda records: {row.pk: ("Evidence of the open audit %(number)s", {"number": "IA-1"})}  # noqa: E731
    services.register_record_hold(rule)
    try:
        with pytest.raises(ValidationError, match="IA-1"):
            services.destruction_propose(actor=cast["qms"], records=[row], basis="Ended")
    finally:
        from documents.services.records import HOLD_RULES

        HOLD_RULES.remove(rule)


def test_an_open_audit_of_the_records_process_holds_it(cast):
    from audits.models import Audit, AuditProgramme

    row = world.record(cast["qms"], title="Audit evidence")
    programme = AuditProgramme.objects.create(year=2026, created_by=cast["qms"])
    audit = Audit.objects.create(
        number="IA-2026-09",
        programme=programme,
        title="Audit",
        year=2026,
        created_by=cast["qms"],
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
    )
    audit.processes.add(row.process)
    with pytest.raises(ValidationError, match="IA-2026-09"):
        services.destruction_propose(actor=cast["qms"], records=[row], basis="Ended")


def test_a_record_still_kept_cannot_be_listed(cast):
    young = world.record(cast["qms"], title="Young", ended_days_ago=-5)
    with pytest.raises(ValidationError, match="not due for disposal"):
        services.destruction_propose(actor=cast["qms"], records=[young], basis="Ended")


def test_only_the_legal_head_agrees_and_not_the_wrong_person(cast, client):
    row = world.record(cast["qms"])
    act = services.destruction_propose(actor=cast["qms"], records=[row], basis="Retention ended")
    for wrong in (cast["qms"], cast["director"], cast["staff"]):
        with pytest.raises(PermissionDenied):
            services.destruction_agree(act=act, actor=wrong)
        client.force_login(wrong)
        assert client.post(reverse("documents:destruction_agree", args=[act.pk]), {}).status_code in (
            403,
            404,
        )
    act.refresh_from_db()
    assert act.status == "proposed"
    services.destruction_agree(act=act, actor=cast["legal"], comment="Checked")
    act.refresh_from_db()
    assert act.status == "agreed" and act.agreed_by == cast["legal"]


def test_a_wrong_password_signs_nothing_and_destroys_nothing(cast, client):
    row = world.record(cast["qms"])
    act = world.act(cast["qms"], [row], status="agreed")
    client.force_login(cast["director"])
    response = client.post(reverse("documents:destruction_sign", args=[act.pk]), {"password": "wrong"})
    assert response.status_code == 200
    assert "The password is not right" in response.content.decode()
    act.refresh_from_db()
    row.refresh_from_db()
    assert act.status == "agreed"
    assert row.status == "active" and row.file.storage.exists(row.file.name)


def test_nothing_is_destroyed_before_the_act_is_signed(cast):
    row = world.record(cast["qms"])
    act = services.destruction_propose(actor=cast["qms"], records=[row], basis="Ended")
    services.destruction_agree(act=act, actor=cast["legal"])
    row.refresh_from_db()
    assert row.status == "active" and row.file.storage.exists(row.file.name)
    with pytest.raises(PermissionDenied):
        services.destruction_sign(act=act, actor=cast["legal"], password=PASSWORD)


def test_the_signed_act_destroys_the_files_and_keeps_their_hashes(
    cast, client, django_capture_on_commit_callbacks
):
    rows = [world.record(cast["qms"], title=f"Old {n}") for n in range(2)]
    names = [r.file.name for r in rows]
    storage = rows[0].file.storage
    act = services.destruction_propose(actor=cast["qms"], records=rows, basis="Nomenclature periods ended")
    services.destruction_agree(act=act, actor=cast["legal"])
    client.force_login(cast["director"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("documents:destruction_sign", args=[act.pk]), {"password": PASSWORD})
    assert response.status_code == 302
    act.refresh_from_db()
    assert act.status == "signed" and act.signed_by == cast["director"]
    assert "Director General" in act.signer
    for row, name in zip(rows, names, strict=True):
        row.refresh_from_db()
        assert row.status == Record.Status.DESTROYED
        assert not storage.exists(name)
    listed = {f.title: f.sha256 for f in act.files.all()}
    assert listed == {r.title: r.sha256 for r in rows}
    kept = DestroyedFile.objects.filter(act=act).first()
    with pytest.raises(ValueError, match="append-only"):
        kept.save()
    with pytest.raises(ValueError, match="append-only"):
        kept.delete()
    page = client.get(act.get_absolute_url()).content.decode()
    assert rows[0].sha256 in page
    pdf = client.get(reverse("documents:destruction_pdf", args=[act.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    download = client.get(reverse("documents:record_download", args=[rows[0].pk]))
    assert download.status_code == 302


def test_the_monthly_job_lists_what_is_due_for_the_records_owner_once(cast):
    world.record(cast["qms"])
    world.record(cast["qms"], title="Young", ended_days_ago=-5)
    assert services.disposal_list_send() == 1
    assert Notification.objects.filter(recipient=cast["qms"]).count() == 1
    assert services.disposal_list_send() == 0
    assert Notification.objects.filter(recipient=cast["qms"]).count() == 1


def test_the_archive_page_shows_the_due_list_and_who_may_propose(cast, client):
    world.record(cast["qms"], title="Visit schedule 2019")
    client.force_login(cast["qms"])
    html = client.get(reverse("documents:archive_due")).content.decode()
    assert "Visit schedule 2019" in html
    assert reverse("documents:destruction_propose") in html
    client.force_login(cast["legal"])
    html = client.get(reverse("documents:archive_due")).content.decode()
    assert "Visit schedule 2019" in html
    assert reverse("documents:destruction_propose") not in html
    client.force_login(cast["staff"])
    assert client.get(reverse("documents:archive_due")).status_code == 403


def test_a_class_code_is_unique_and_a_period_at_least_a_year(cast):
    klass = world.record_class("03-01")
    with pytest.raises(ValidationError, match="Another class"):
        services.record_class_save(
            actor=cast["qms"],
            data={"code": "03-01", "title": "Twin", "retention_years": 1, "process": klass.process},
        )
    with pytest.raises(ValidationError, match="at least one year"):
        services.record_class_save(
            actor=cast["qms"],
            data={"code": "03-02", "title": "Zero", "retention_years": 0, "process": klass.process},
        )


@override_settings(IAAR_ACCREDITATION_RECORD_CLASS="06-01")
def test_an_accreditation_file_is_filed_under_the_class_the_setting_names(cast):
    from accreditation.services.projects import accreditation_record_class

    assert accreditation_record_class() is None
    klass = world.record_class("06-01", years=10)
    assert accreditation_record_class() == klass


def test_my_tasks_show_the_act_to_agree_and_then_to_sign(cast, client):
    row = world.record(cast["qms"])
    act = services.destruction_propose(actor=cast["qms"], records=[row], basis="Ended")
    client.force_login(cast["legal"])
    assert act.number in client.get(reverse("core:dashboard")).content.decode()
    client.force_login(cast["director"])
    assert act.number not in client.get(reverse("core:dashboard")).content.decode()
    services.destruction_agree(act=act, actor=cast["legal"])
    assert act.number in client.get(reverse("core:dashboard")).content.decode()


def test_the_nomenclature_lists_its_classes_by_code(cast, client):
    for code in ("09-02", "01-05", "05-07"):
        world.record_class(code)
    world.record(cast["qms"], klass=world.record_class("05-07"))
    client.force_login(cast["director"])
    html = client.get(reverse("documents:nomenclature")).content.decode()
    assert html.index("01-05") < html.index("05-07") < html.index("09-02")
    assert reverse("documents:record_class_edit", args=[1]) not in html
    client.force_login(cast["staff"])
    assert client.get(reverse("documents:nomenclature")).status_code == 403


def test_the_demo_has_a_nomenclature_a_signed_act_and_a_register_with_a_check_due(seeded_demo, client):
    from django.contrib.auth import get_user_model

    from accreditation.models import AccreditationProject
    from documents.models import ExternalDocument, RecordClass

    assert RecordClass.objects.count() >= 20
    assert not Record.objects.filter(record_class__isnull=True).exists()
    assert not AccreditationProject.objects.filter(record_class__isnull=True).exists()
    act = DestructionAct.objects.get(status="signed")
    assert act.files.count() == 3
    assert set(
        Record.objects.filter(pk__in=act.files.values("record_id")).values_list("status", flat=True)
    ) == {"destroyed"}
    assert Record.objects.filter(legal_hold=True).count() == 1
    current = ExternalDocument.objects.exclude(status="superseded")
    assert [e.title_ru for e in current if e.check_due] == ["Закон Кыргызской Республики «Об образовании»"]
    assert ExternalDocument.objects.filter(status="superseded", next_edition__isnull=False).exists()
    client.force_login(get_user_model().objects.get(username="qms"))
    assert act.number in client.get(reverse("documents:archive_due")).content.decode()
