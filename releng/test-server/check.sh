#!/bin/bash
# Smoke test of a running Astrolabe test server against the known answers of
# README.md (curl + Debian's python3-astropy).  Prints one line per check and
# "N passed, M failed" at the end; exits non-zero on any failure.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"

B="$BASE_URL"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
PASS=0
FAIL=0
ok()  { PASS=$((PASS+1)); printf 'ok    %s\n' "$1"; }
bad() { FAIL=$((FAIL+1)); printf 'FAIL  %s  (%s)\n' "$1" "$2"; }
expect() {   # expect NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected '$2', got '$3'"; fi
}
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
adql_csv() {   # adql_csv QUERY -> csv body without header
    curl -s "$B/tap/sync" --data-urlencode REQUEST=doQuery --data-urlencode LANG=ADQL \
        --data-urlencode RESPONSEFORMAT=csv --data-urlencode "QUERY=$1" | tail -n +2 | tr -d '\r'
}
py() { "$PYTHON" -W ignore "$@" 2>&1; }

IMG_A="ivo://$AUTHORITY/~?astrolabe/data/img_a.fits"
CUBE="ivo://$AUTHORITY/~?astrolabe/data/cube.fits"
SECRET="ivo://$AUTHORITY/~?astrolabe/data/secret.fits"
SCS_Q="RA=180.005&DEC=0.005&SR=0.025"

# --- VOSI
expect "availability 200" 200 "$(code "$B/tap/availability")"
curl -s "$B/tap/capabilities" >"$TMP/cap.xml"
if grep -q 'ivo://ivoa.net/std/TAP' "$TMP/cap.xml"; then ok "capabilities name TAP"; else bad "capabilities name TAP" "no TAP standardID"; fi
expect "tables 200" 200 "$(code "$B/tap/tables")"

# --- TAP known answers
expect "COUNT(*) sources" 1000000 "$(adql_csv "SELECT COUNT(*) FROM astrolabe.sources")"
expect "min/max source_id" "1,1000000" "$(adql_csv "SELECT MIN(source_id), MAX(source_id) FROM astrolabe.sources")"
expect "cone r=0.025 at (180.005,0.005)" 21 "$(adql_csv "SELECT COUNT(*) FROM astrolabe.sources WHERE 1=CONTAINS(POINT('ICRS',ra,dec),CIRCLE('ICRS',180.005,0.005,0.025))")"
expect "cone r=0.105 at (180.005,0.005)" 349 "$(adql_csv "SELECT COUNT(*) FROM astrolabe.sources WHERE 1=CONTAINS(POINT('ICRS',ra,dec),CIRCLE('ICRS',180.005,0.005,0.105))")"
expect "cone r=0.1 at (180,0)" 316 "$(adql_csv "SELECT COUNT(*) FROM astrolabe.sources WHERE 1=CONTAINS(POINT('ICRS',ra,dec),CIRCLE('ICRS',180.0,0.0,0.1))")"
expect "mag < 11" 100000 "$(adql_csv "SELECT COUNT(*) FROM astrolabe.sources WHERE mag < 11")"
expect "classes" "$(printf 'galaxy,300000\nqso,100000\nstar,600000')" \
    "$(adql_csv "SELECT src_class, COUNT(*) FROM astrolabe.sources GROUP BY src_class ORDER BY src_class")"
expect "row 500501" "500501,180.005,0.005,14.19,star" \
    "$(adql_csv "SELECT source_id, ra, dec, mag, src_class FROM astrolabe.sources WHERE source_id=500501")"
expect "ObsCore dids" "$(printf '%s\n' "ivo://$AUTHORITY/~?astrolabe/data/cube.fits,cube" \
        "ivo://$AUTHORITY/~?astrolabe/data/img_a.fits,image" "ivo://$AUTHORITY/~?astrolabe/data/img_b.fits,image" \
        "ivo://$AUTHORITY/~?astrolabe/data/img_c.fits,image" "ivo://$AUTHORITY/~?astrolabe/data/secret.fits,image")" \
    "$(adql_csv "SELECT obs_publisher_did, dataproduct_type FROM ivoa.ObsCore WHERE obs_collection='astrolabe-sim' ORDER BY obs_publisher_did")"
expect "MAXREC=10 overflow" 10 "$(curl -s "$B/tap/sync" --data-urlencode LANG=ADQL --data-urlencode MAXREC=10 \
    --data-urlencode RESPONSEFORMAT=csv --data-urlencode "QUERY=SELECT source_id FROM astrolabe.sources" | tail -n +2 | wc -l)"

# --- SCS, SIAP
curl -s "$B/astrolabe/q/scs/scs.xml?$SCS_Q" >"$TMP/scs.vot"
expect "SCS rows" 21 "$(py -c "from astropy.io.votable import parse_single_table as p; print(len(p('$TMP/scs.vot').array))")"
curl -s "$B/astrolabe/q/siap/siap.xml?POS=180,0&SIZE=0.1" >"$TMP/siap.vot"
expect "SIAP POS=180,0 SIZE=0.1" "img_a.fits" "$(py -c "
from astropy.io.votable import parse_single_table as p
print(' '.join(sorted(str(u).rsplit('/',1)[1] for u in p('$TMP/siap.vot').array['accref'])))")"

# --- DataLink
curl -s -G "$B/astrolabe/q/dl/dlmeta" --data-urlencode "ID=$IMG_A" >"$TMP/dl.xml"
expect "dlmeta semantics" "#cutout #preview #proc #proc #this" "$(py -c "
from astropy.io.votable import parse
t = parse('$TMP/dl.xml').get_first_table().array
print(' '.join(sorted(str(s) for s in t['semantics'])))")"
expect "dlmeta #cutout -> SODA sync descriptor" "ivo://ivoa.net/std/SODA#sync-1.0 $B/astrolabe/q/dl/dlget" "$(py -c "
from astropy.io.votable import parse
v = parse('$TMP/dl.xml')
t = v.get_first_table().array
sd = [str(r['service_def']) for r in t if str(r['semantics'])=='#cutout'][0]
for r in v.resources:
    if r.ID == sd:
        p = {x.name: x.value for x in r.params}
        print(p['standardID'], p['accessURL'])")"
expect "ObsCore DataLink redirect" 302 "$(code -G "$B/__system__/obscore/dl/dlmeta" --data-urlencode "ID=$IMG_A")"

# --- SODA
for method in GET POST; do
    if [ $method = GET ]; then g=-G; else g=; fi
    curl -s $g -o "$TMP/cut.fits" "$B/astrolabe/q/dl/dlget" --data-urlencode "ID=$IMG_A" --data-urlencode "CIRCLE=180.0 0.0 0.02"
    expect "SODA CIRCLE cutout ($method)" "(42, 42) 79079.0 180.0 0.0" "$(py -c "
from astropy.io import fits; from astropy.wcs import WCS
h = fits.open('$TMP/cut.fits')[0]; w = WCS(h.header)
ra, dec = w.pixel_to_world_values((h.data.shape[1]-1)/2, (h.data.shape[0]-1)/2)
print(h.data.shape, h.data[0,0], round(float(ra), 6), round(float(dec), 6))")"
done
curl -s -o "$TMP/cube.fits" "$B/astrolabe/q/dl/dlget" --data-urlencode "ID=$CUBE" \
    --data-urlencode "BAND=5.495e-7 5.705e-7" --data-urlencode "CIRCLE=180.5 0.5 0.01"
expect "SODA BAND+CIRCLE on cube" "(4, 12, 12) 41919.0" "$(py -c "
from astropy.io import fits
h = fits.open('$TMP/cube.fits')[0]; print(h.data.shape, h.data[0,0,0])")"
job="$(curl -s -o /dev/null -w '%{redirect_url}' "$B/astrolabe/q/dl/dlasync" --data-urlencode "ID=$IMG_A" --data-urlencode "CIRCLE=180.0 0.0 0.02")"
curl -s -o /dev/null "$job/phase" -d PHASE=RUN
curl -s -o /dev/null "$job?WAIT=60&PHASE=QUEUED"
curl -s -o /dev/null "$job?WAIT=60&PHASE=EXECUTING"
expect "SODA async phase" COMPLETED "$(curl -s "$job/phase")"
curl -s -o "$TMP/async.fits" "$job/results/result"
expect "SODA async result" "(42, 42)" "$(py -c "from astropy.io import fits; print(fits.open('$TMP/async.fits')[0].data.shape)")"
curl -s -o /dev/null -X DELETE "$job"

# --- CAOM2 schema (caom2.rd), local registry document, SIAP 2
expect "CAOM2 EnumField" "$(printf 'ASTROLABE,Infrared\nASTROLABE,Optical\nASTROLABE-IFU,Optical\nCATALOGUE-SIM,\nRADIO-SIM,Radio')" \
    "$(adql_csv "SELECT DISTINCT collection, energy_emBand FROM caom2.EnumField ORDER BY collection, energy_emBand")"
expect "CAOM2 region r=1 at (180,0), junk excluded" "$(printf '%s\n' "ivo://$AUTHORITY/~?astrolabe/data/cube.fits" "ivo://$AUTHORITY/~?astrolabe/data/img_a.fits")" \
    "$(adql_csv "SELECT p.publisherID FROM caom2.Observation AS o JOIN caom2.Plane AS p ON o.obsID = p.obsID WHERE INTERSECTS(CIRCLE('ICRS', 180.0, 0.0, 1.0), p.position_bounds) = 1 AND (p.quality_flag IS NULL OR p.quality_flag != 'junk') ORDER BY p.publisherID")"
expect "CAOM2 junk plane at (179,-1)" 0 "$(adql_csv "SELECT COUNT(*) FROM caom2.Plane AS p WHERE INTERSECTS(CIRCLE('ICRS', 179.0, -1.0, 0.2), p.position_bounds) = 1 AND (p.quality_flag IS NULL OR p.quality_flag != 'junk')")"
expect "CAOM2 target with quote and percent" "O'Brien's 100% field" \
    "$(adql_csv "SELECT target_name FROM caom2.Observation WHERE LOWER(target_name) LIKE '%o''brien''s 100_%'")"
if curl -s "$B/astrolabe/caom2/static/static/resource-caps" | grep -q "^ivo://$AUTHORITY/caom2tap = $B/tap/capabilities\$"; then
    ok "resource-caps lists caom2tap"; else bad "resource-caps lists caom2tap" "missing or wrong line"; fi
curl -s "$B/__system__/siap2/sitewide/siap2.xml?POS=CIRCLE%20180%200%200.05" >"$TMP/siap2.vot"
expect "SIAP2 POS=CIRCLE 180 0 0.05" "1 ivo://$AUTHORITY/~?astrolabe/data/img_a.fits" "$(py -c "
from astropy.io.votable import parse_single_table as p
t = p('$TMP/siap2.vot').array; print(len(t), t['obs_publisher_did'][0])")"

# --- authentication
R="$B/astrolabe/q/restricted/scs.xml?$SCS_Q"
expect "restricted anonymous" 401 "$(code "$R")"
expect "restricted astro" 200 "$(code -u astro:stargazer "$R")"
expect "restricted other" 401 "$(code -u other:otherpw "$R")"
P="$B/getproduct/astrolabe/data/secret.fits"
expect "embargoed product anonymous" 401 "$(code "$P")"
expect "embargoed product astro" 200 "$(code -u astro:stargazer "$P")"
expect "embargoed product other" 401 "$(code -u other:otherpw "$P")"
expect "public product anonymous" 200 "$(code "$B/getproduct/astrolabe/data/img_a.fits")"
expect "embargoed SODA anonymous" 401 "$(code -G "$B/astrolabe/q/dl/dlget" --data-urlencode "ID=$SECRET" --data-urlencode "CIRCLE=182.0 2.0 0.02")"
expect "embargoed SODA astro" 200 "$(code -u astro:stargazer -G "$B/astrolabe/q/dl/dlget" --data-urlencode "ID=$SECRET" --data-urlencode "CIRCLE=182.0 2.0 0.02")"

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
