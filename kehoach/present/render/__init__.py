"""Presentations of a :class:`kehoach.domain.report.Report`: JSON data, Markdown, HTML, xlsx."""
