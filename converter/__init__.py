"""xbrl-convert: earnings press releases to validated US-GAAP XBRL.

The pipeline runs one way: extract (text -> Release) -> map (Release -> facts)
-> serialize (facts -> XBRL instance) -> validate (Arelle + own checks).
"""

__version__ = "0.1.0"
