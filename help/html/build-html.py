#!/usr/bin/env python3
# build-html.py: one language of the help as HTML.
#
#   build-html.py --lang LANG --output DIR [tools] PAGE.page… [LANG.po]
#
# For a translation, msgfmt compiles LANG.po and itstool merges it into the
# pages; yelp-build then writes DIR/<page id>.html with its style sheet and
# scripts. DIR is replaced only once everything succeeded.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lang', required=True)
    parser.add_argument('--output', required=True)
    parser.add_argument('--yelp-build', default='yelp-build')
    parser.add_argument('--itstool', default='itstool')
    parser.add_argument('--msgfmt', default='msgfmt')
    parser.add_argument('inputs', nargs='+')
    args = parser.parse_args()

    pages = [f for f in args.inputs if f.endswith('.page')]
    pos = [f for f in args.inputs if f.endswith('.po')]
    output = os.path.abspath(args.output)
    parent = os.path.dirname(output)

    with tempfile.TemporaryDirectory(dir=parent, prefix='.help-') as tmp:
        if pos:
            mo = os.path.join(tmp, args.lang + '.mo')
            merged = os.path.join(tmp, 'pages')
            os.mkdir(merged)
            subprocess.run([args.msgfmt, '-o', mo, pos[0]], check=True)
            subprocess.run([args.itstool, '-m', mo, '--lang', args.lang,
                            '-o', merged + os.sep] + pages, check=True)
            pages = [os.path.join(merged, os.path.basename(p)) for p in pages]
        html = os.path.join(tmp, 'html')
        os.mkdir(html)
        subprocess.run([args.yelp_build, 'html', '-o', html + os.sep] + pages,
                       check=True)
        for p in pages:
            page = os.path.splitext(os.path.basename(p))[0] + '.html'
            if not os.path.isfile(os.path.join(html, page)):
                sys.exit(f'build-html: {page} was not written')
        if os.path.isdir(output):
            shutil.rmtree(output)
        os.rename(html, output)
    return 0


if __name__ == '__main__':
    sys.exit(main())
