#!/usr/bin/env bash
# Writes the worker-import fixtures in test-fixtures/imports/ (see its README.md for each row's intended problem).
#
# The two XLSX files are made by a real spreadsheet program, LibreOffice (headless, from Debian's
# libreoffice-calc-nogui), converting a CSV the way an office does: a NIK column left as "Standard" becomes NUMBER
# cells rounded to 15 significant digits; a column set to Text keeps every digit. The CSV filter options are
#   CSV:<separator>,<quote>,<charset>,<first line>,<column/format pairs>,<language>,<quoted field as text>,<detect special numbers>
# with 59 = ';', 34 = '"', 76 = UTF-8, formats 1 = Standard, 2 = Text, 4 = DD/MM/YY, language 1057 = Indonesian.
# "Quoted field as text" keeps a quoted NIK as text even in a Standard column, so one column can hold both kinds,
# as real files do.
#
# Re-run after changing a source below; the .xlsx files are committed, so tests do not need LibreOffice.
# Requires: soffice (LibreOffice), iconv.
set -euo pipefail

cd "$(dirname "$0")/.."
out=test-fixtures/imports
mkdir -p "$out"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# LibreOffice with its own profile, so it neither clashes with a running instance nor reads the user's settings.
to_xlsx() {
  local csv=$1 filter=$2
  soffice -env:UserInstallation="file://$profile" --headless --infilter="$filter" \
    --convert-to xlsx --outdir "$out" "$csv" >/dev/null
}

# --- pekerja-bermasalah: every problem an office file has, one per row (README.md lists them) ------------------
# NIKs in rows 2-3 are unquoted: LibreOffice stores them as numbers. Their serials end in 0, so the rounding to
# 15 digits left them intact: the number still looks valid and NIK_NUMERIC_CELL must be reported anyway.
# Tanggal Lahir is a Text column so that "12 Maret 1985" and "12/31/1985" reach the importer as written.
cat >"$out/pekerja-bermasalah.csv" <<'CSV'
No;NIK;Nama Lengkap;Tempat Lahir;Tanggal Lahir;Jenis Kelamin;Alamat;RT;RW;Desa/Kelurahan;Kecamatan;No HP;Pekerjaan;Kategori;Penghasilan
1;3402081203850010;Budi Santoso;Bantul;12/03/1985;L;Jl. Parangtritis Km 8;003;005;Trirenggo;Bantul;0813-2222-3333;Petani;BPU;1500000
2;3402084409920020;Sri Wahyuni;Bantul;04/09/1992;P;Dusun Jodog;002;004;Sabdodadi;Bantul;081234567891;Pedagang;BPU;1000000
3;"3402083112850003";Ahmad Fauzi;Bantul;12/31/1985;L;Dusun Glondong;001;003;Palbapang;Bantul;0812-1111-2222;Buruh Harian Lepas;BPU;1200000
4;"3402155203850004";Dewi Lestari;Yogyakarta;12 Maret 1985;P;Jl. Bantul Km 6;007;002;Panggungharjo;Sewon;0812-3456-7890;Pedagang Kecil;BPU;1500000
5;"3402081708780005";Joko Susilo;Bantul;17/08/1978;L;Dusun Kweni;004;001;Ringinharjo;Bantul;12345;Tukang Ojek;BPU;2000000
6;"3402085506900000";Siti Rahayu;Bantul;15/06/1990;P;Dusun Manding;005;002;Sabdodadi;Bantul;0856-4321-0987;Asisten Rumah Tangga;BPU;1000000
7;"3402084511880007";Rina Marlina;Bantul;05/11/1988;P;Jl. Samas Km 3;006;003;Trirenggo;Bantul;0878-5555-6666;Pedagang;BPU;1000000
8;"3402087507750008";Agus Salim;Bantul;07/07/1975;L;Dusun Gaten;002;001;Sabdodadi;Bantul;0819-2222-4444;Buruh Harian Lepas;BPU;1100000
9;"3402082001700009";Bambang Wijaya;Bantul;20/01/1970;L;Dusun Nglebeng;003;002;Trirenggo;Bantul;0819-0000-1111;Petani;BPU;1300000
10;"3402082001700009";Bambang Wijaya;Bantul;20/01/1970;L;Dusun Nglebeng;003;002;Trirenggo;Bantul;0819-0000-1111;Petani;BPU;1300000
11;"3402080304820011";Eko Prasetyo;Bantul;03/04/1982;L;Dusun Sukamaju;001;001;Sukamaju;Bantul;0821-3333-5555;Peternak;BPU;1400000

12;"3402086107950012";;Bantul;21/07/1995;P;Dusun Mandingan;008;004;Trirenggo;Bantul;0813-7777-8888;Peternak;BPU;1000000
13;"3402152512650013";Hartono;Bantul;25/12/1965;L;Dusun Krapyak;009;005;Panggungharjo;Sewon;0812-9999-0000;Nelayan;BPU;1500000
CSV
to_xlsx "$out/pekerja-bermasalah.csv" "CSV:59,34,76,1,5/2,1057,true,false"

# --- pekerja-benar: the same people with every problem fixed (the repeated row 10 deleted) -------------------
# NIK, RT, RW and No HP are Text columns; Tanggal Lahir is a date column (DD/MM/YY), so the dates are date cells.
cat >"$out/pekerja-benar.csv" <<'CSV'
No;NIK;Nama Lengkap;Tempat Lahir;Tanggal Lahir;Jenis Kelamin;Alamat;RT;RW;Desa/Kelurahan;Kecamatan;No HP;Pekerjaan;Kategori;Penghasilan
1;"3402081203850010";Budi Santoso;Bantul;12/03/1985;L;Jl. Parangtritis Km 8;003;005;Trirenggo;Bantul;0813-2222-3333;Petani;BPU;1500000
2;"3402084409920020";Sri Wahyuni;Bantul;04/09/1992;P;Dusun Jodog;002;004;Sabdodadi;Bantul;0812-3456-7891;Pedagang;BPU;1000000
3;"3402083112850003";Ahmad Fauzi;Bantul;31/12/1985;L;Dusun Glondong;001;003;Palbapang;Bantul;0812-1111-2222;Buruh Harian Lepas;BPU;1200000
4;"3402155203850004";Dewi Lestari;Yogyakarta;12/03/1985;P;Jl. Bantul Km 6;007;002;Panggungharjo;Sewon;0812-3456-7890;Pedagang Kecil;BPU;1500000
5;"3402081708780005";Joko Susilo;Bantul;17/08/1978;L;Dusun Kweni;004;001;Ringinharjo;Bantul;0857-1234-5678;Tukang Ojek;BPU;2000000
6;"3402085506900006";Siti Rahayu;Bantul;15/06/1990;P;Dusun Manding;005;002;Sabdodadi;Bantul;0856-4321-0987;Asisten Rumah Tangga;BPU;1000000
7;"3402084511880007";Rina Marlina;Bantul;05/11/1988;P;Jl. Samas Km 3;006;003;Trirenggo;Bantul;0878-5555-6666;Pedagang;BPU;1000000
8;"3402080707750008";Agus Salim;Bantul;07/07/1975;L;Dusun Gaten;002;001;Sabdodadi;Bantul;0819-2222-4444;Buruh Harian Lepas;BPU;1100000
9;"3402082001700009";Bambang Wijaya;Bantul;20/01/1970;L;Dusun Nglebeng;003;002;Trirenggo;Bantul;0819-0000-1111;Petani;BPU;1300000
10;"3402080304820011";Eko Prasetyo;Bantul;03/04/1982;L;Dusun Sukamaju;001;001;Trirenggo;Bantul;0821-3333-5555;Peternak;BPU;1400000

11;"3402086107950012";Wulan Sari;Bantul;21/07/1995;P;Dusun Mandingan;008;004;Trirenggo;Bantul;0813-7777-8888;Peternak;BPU;1000000
12;"3402152512650013";Hartono;Bantul;25/12/1965;L;Dusun Krapyak;009;005;Panggungharjo;Sewon;0812-9999-0000;Nelayan;BPU;1500000
CSV
to_xlsx "$out/pekerja-benar.csv" "CSV:59,34,76,1,2/2/5/4/8/2/9/2/12/2,1057,true,false"

# --- pekerja-titikkoma.csv: Indonesian Excel's "CSV (semicolon)": UTF-8 with BOM, CRLF -------------------------
# Row 3's address holds a ';' and a line break inside quotes (still spreadsheet row 3). RT/RW is one column.
{
  printf '\xEF\xBB\xBF'
  sed 's/$/\r/' <<'CSV'
NIK;Nama;L/P;Tempat Lahir;Tgl Lahir;Alamat;RT/RW;Desa/Kelurahan;Kecamatan;No HP;Pekerjaan
3402124103880021;Ngatini;P;Bantul;01-03-1988;Jl. Wonosari Km 7;003/005;Banguntapan;Banguntapan;0812-2233-4455;Pedagang
3402161506800022;Sutrisno;L;Sleman;15-06-1980;"Jl. Bibis; Gg. Kenanga 4
Dusun Gatak";002/011;Tamantirto;Kasihan;0857-2233-4466;Buruh Harian Lepas
3402120909750023;Ahmad Ma'ruf;L;Bantul;09-09-1975;Jl. Imogiri Timur;010/002;Jagalan;Banguntapan;+62 813 2233 4477;Tukang Ojek
3402164712900024;Sri Mulyani;P;Bantul;07-12-1990;Perum Griya Kasihan;004/012;Ngestiharjo;Kasihan;0878-2233-4488;Asisten Rumah Tangga
CSV
} >"$out/pekerja-titikkoma.csv"

# --- pekerja-koma-cp1252.csv: comma-separated, Windows-1252 (as "CSV (Comma delimited)" on Windows), CRLF ------
# The village is a code, dotted or not. ’ and é are single bytes 0x92 and 0xE9 in Windows-1252.
sed 's/$/\r/' <<'CSV' | iconv -f UTF-8 -t WINDOWS-1252 >"$out/pekerja-koma-cp1252.csv"
NIK,Nama,Jenis Kelamin,Tanggal Lahir,Kode Desa,Alamat,No HP,Pekerjaan
3402054208870031,Siti Ma’rifah,Perempuan,02/08/1987,34.02.05.2003,"Dusun Gaten, Sumbermulyo",0812-3344-5566,Petani
3402051011830032,José Ramli,Laki-laki,10/11/1983,3402052001,"Jl. Samas, Km 20",0813-3344-5577,Nelayan
3402055305920033,Nur’aini,P,13/05/1992,34.02.05.2002,"RT 05, Mulyodadi",0857-3344-5588,Pedagang
CSV

# --- pekerja-ilmiah.csv: NIKs that Excel saved in scientific notation ------------------------------------------
cat >"$out/pekerja-ilmiah.csv" <<'CSV'
NIK;Nama Lengkap;Jenis Kelamin;Tanggal Lahir;Desa;Kecamatan
3,40208E+15;Sumarni;P;14-02-1979;Trirenggo;Bantul
3.40215E+15;Paijo;L;30-10-1968;Panggungharjo;Sewon
3402156711700043;Tukiyem;P;27-11-1970;Timbulharjo;Sewon
CSV

# --- pekerja-trirenggo-*: the same two files for one village (the operator journey: an operator of Desa Trirenggo
# may import only Trirenggo's people). Every other village becomes Trirenggo; the unknown Sukamaju stays.
for name in bermasalah benar; do
  sed -E 's/;(Sabdodadi|Palbapang|Panggungharjo|Ringinharjo);(Bantul|Sewon);/;Trirenggo;Bantul;/' \
    "$out/pekerja-$name.csv" >"$out/pekerja-trirenggo-$name.csv"
done
to_xlsx "$out/pekerja-trirenggo-bermasalah.csv" "CSV:59,34,76,1,5/2,1057,true,false"
to_xlsx "$out/pekerja-trirenggo-benar.csv" "CSV:59,34,76,1,2/2/5/4/8/2/9/2/12/2,1057,true,false"

echo "Fixtures written to $out"
