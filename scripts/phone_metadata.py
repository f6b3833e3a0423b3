#!/usr/bin/env python3
"""Writes dictionaries/phone-jp.xml: Japan's territory from libphonenumber's
PhoneNumberMetadata.xml (Apache License 2.0), as the `phonenumber` crate
ships it. Loading only Japan's numbering plan takes milliseconds; the
crate's whole database compiles every region's patterns (a quarter of a
second), which a one-file run of the command line would pay.

Usage: python3 scripts/phone_metadata.py [PhoneNumberMetadata.xml]
(default: the phonenumber crate's copy in the cargo registry)
"""
import glob
import os
import sys

if len(sys.argv) > 1:
    source = sys.argv[1]
else:
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    found = sorted(glob.glob(os.path.join(home, "registry/src/*/phonenumber-*/assets/PhoneNumberMetadata.xml")))
    if not found:
        sys.exit("no phonenumber crate in the cargo registry: build once, or pass the XML's path")
    source = found[-1]
xml = open(source, encoding="utf-8").read()
start = xml.index('<territory id="JP"')
end = xml.index("</territory>", start) + len("</territory>")
out = os.path.join(os.path.dirname(__file__), "..", "dictionaries", "phone-jp.xml")
with open(out, "w", encoding="utf-8") as f:
    f.write("<!-- Japan's numbering plan from libphonenumber's PhoneNumberMetadata.xml\n")
    f.write("     (Copyright The Libphonenumber Authors, Apache License 2.0), taken from\n")
    f.write(f"     {os.path.basename(os.path.dirname(os.path.dirname(source)))} by scripts/phone_metadata.py. -->\n")
    f.write("<phoneNumberMetadata>\n  <territories>\n    ")
    f.write(xml[start:end])
    f.write("\n  </territories>\n</phoneNumberMetadata>\n")
print(f"wrote {out} from {source}")
