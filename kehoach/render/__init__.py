"""Presentations of a :class:`kehoach.report.Report`: JSON data, Markdown, HTML, xlsx."""
