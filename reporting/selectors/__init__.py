"""The reporting part's reads, one module per report: ``reviews`` (the management review),
``review_inputs`` (its input pack), ``kpis`` (the indicators), ``kpi_reports`` (the stored
reports) and ``board`` (the quality board). They may read every domain app."""
