"""The demo agency, on the top floor: it imports every app and no app imports it.

``seed.py`` runs each part in order (people, documents, accreditation, audits, surveys,
improvement); ``walkthrough.py`` drives an accreditation project through its stages with the
real services, for the demo and for the tests.
"""
