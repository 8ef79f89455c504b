"""The demo's assessment tables and threshold requirements are parts of approved documents."""

from django.utils import translation

from accreditation.models import AccreditationProject, StandardSet, ThresholdList
from accreditation.selectors import standards as sel


def test_the_demo_standards_are_in_force_as_approved_documents_in_every_language(seeded_demo, client):
    for kind in ("institutional", "specialized", "primary_specialized"):
        current = sel.current_standards(kind)
        assert current.kind == kind and current.document_version.status == "effective", kind
    institutional = sel.current_standards("institutional")
    assert not StandardSet.objects.filter(code="IAAR-INST-HE", version=1, is_current=True).exists()
    assert ThresholdList.objects.filter(is_current=True, document_version__status="effective").count() == 5
    rows = sel.standard_set_diff(institutional, sel.standard_set_previous(institutional))
    assert [r["code"] for r in rows if r["state"] == "added"] == ["2.4"]
    with translation.override("ky"):
        assert institutional.standards.get(number=10).localized_title == "Каржы"
    # The demo's projects started after the new tables came into force use them.
    assert AccreditationProject.objects.filter(standard_set=institutional).exists()
