#!/usr/bin/env bash
# Fetches the accuracy lab's corpus, the King James Version of the Bible (1611, public domain), from Debian's
# bible-kjv-text package, pinned to version 4.38 and to the SHA-256 of both .deb files, and writes:
#   bench/lab/data/kjv.txt       the whole text, one verse per line, UTF-8 (in fact pure ASCII), no verse references
#   bench/lab/data/train.txt     the first 95 % (cut at a line start)
#   bench/lab/data/heldout.txt   the last 5 %: never trained on
#   lib/lab/data/kjv-heldout.json      (committed) the first 16 KiB of whole lines of heldout.txt, for the browser
#   lib/lab/data/kjv-calibration.json  (committed) 8 KiB of whole lines from the middle of train.txt, for calibration
# bench/lab/data/ is gitignored. The text is compressed in a format of its own in bible-kjv-text; the reader in
# bible-kjv (same source package and version) dumps it: `bible -f -p DIR Gen1:1-Rev22:21` (see bible(1)).
# Licence (bible-kjv-text's /usr/share/doc/bible-kjv-text/copyright): "The copyright for the King James Version text
# of the Bible is expired since the translation was done in 1611"; the packaging is GPL-2+ and unrestricted.
# Needs: apt-get (run `apt-get update` once), dpkg, python3, libreadline8 (a dependency of the bible reader).
# Usage: bash bench/lab/get_corpus.sh        (from the repository root; about 5 s)
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=4.38
SHA_TEXT=d61b6aad4c51ba9e2800b825325fa6a09e99a0d02a9bb6dc4724fcc4995a1b7a
SHA_READER=75a49c032a6efa9faa2beb4a9acb70974380122906329d0e100de36cc88ff02d
DATA=bench/lab/data
mkdir -p "$DATA/deb"
(
  cd "$DATA/deb"
  [ -f "bible-kjv-text_${VERSION}_all.deb" ] || apt-get download "bible-kjv-text=${VERSION}"
  [ -f "bible-kjv_${VERSION}_amd64.deb" ] || apt-get download "bible-kjv=${VERSION}"
  echo "${SHA_TEXT}  bible-kjv-text_${VERSION}_all.deb" | sha256sum -c -
  echo "${SHA_READER}  bible-kjv_${VERSION}_amd64.deb" | sha256sum -c -
  rm -rf x && dpkg -x "bible-kjv-text_${VERSION}_all.deb" x && dpkg -x "bible-kjv_${VERSION}_amd64.deb" x
)
cp "$DATA/deb/x/usr/share/doc/bible-kjv-text/copyright" "$DATA/COPYRIGHT.bible-kjv-text"
# -f turns pretty-printing off: one verse per line, "Ge1:1 In the beginning ...". Drop the reference.
"$DATA/deb/x/usr/bin/bible" -f -p "$DATA/deb/x/usr/lib" Gen1:1-Rev22:21 | sed -E 's/^[1-3]?[A-Za-z]+[0-9]+:[0-9]+ //' > "$DATA/kjv.txt"

python3 - "$DATA" <<'PY'
import hashlib, json, sys
data = sys.argv[1]
raw = open(f'{data}/kjv.txt', 'rb').read()
text = raw.decode('utf-8')  # fails loudly if the dump is not UTF-8
assert text.isascii() and len(raw) > 4_000_000 and text.count('\n') == 31102, 'unexpected dump: check the package version'
corpus_sha = hashlib.sha256(raw).hexdigest()
# Held-out = the last 5 %, starting at the first line start at or after 95 % of the bytes.
cut = text.index('\n', int(len(text) * 0.95)) + 1
open(f'{data}/train.txt', 'w').write(text[:cut])
open(f'{data}/heldout.txt', 'w').write(text[cut:])

def whole_lines(s, start, max_bytes):
    """The longest run of whole lines of s from start (a line start) that fits in max_bytes."""
    end = s.rfind('\n', start, start + max_bytes) + 1
    return s[start:end]

source = {
    'corpus': 'King James Version of the Bible (1611), one verse per line, verse references removed',
    'package': f'Debian bible-kjv-text 4.38 (bookworm), read with bible-kjv 4.38: bible -f Gen1:1-Rev22:21',
    'licence': 'Public domain: "The copyright for the King James Version text of the Bible is expired since the '
               'translation was done in 1611" (bible-kjv-text, /usr/share/doc/bible-kjv-text/copyright)',
    'script': 'bench/lab/get_corpus.sh',
    'corpusBytes': len(raw), 'corpusSha256': corpus_sha,
    'trainBytes': cut, 'heldoutStartByte': cut, 'heldoutBytes': len(raw) - cut,
}
held = whole_lines(text, cut, 16384)
calib_start = text.index('\n', cut // 2) + 1
calib = whole_lines(text, calib_start, 8192)
for name, part, start, note in (
    ('kjv-heldout.json', held, cut, 'The first whole lines (at most 16 KiB) of the held-out split (the last 5 %): never trained on.'),
    ('kjv-calibration.json', calib, calib_start, 'Whole lines (at most 8 KiB) from the middle of the training split, for calibration.'),
):
    out = dict(source, note=note, startByte=start, bytes=len(part), text=part)
    with open(f'lib/lab/data/{name}', 'w') as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write('\n')
print(f'kjv.txt {len(raw)} bytes sha256 {corpus_sha}; train {cut} bytes, held-out {len(raw) - cut} bytes; '
      f'slices: held-out {len(held)} bytes, calibration {len(calib)} bytes')
PY
