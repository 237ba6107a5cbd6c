#!/usr/bin/env python3
"""Generates data/lexicons/states.tsv, capitals.tsv and territories.tsv.

The base list of countries and their official names comes from Debian's iso-codes
(/usr/share/iso-codes/json/iso_3166-1.json); the curated table below adds what ISO
does not carry: the common short name used by news, aliases, demonyms and capitals.
Codes absent from the table are dependent territories and go to territories.tsv.

    python3 scripts/make_states_lexicon.py [--iso PATH] [--out data/lexicons]
"""
import argparse
import json
import os

# code | canonical | aliases (;) | demonyms (;) | capital | capital aliases (;)
CURATED = """
AD|Andorra||Andorran|Andorra la Vella|
AE|United Arab Emirates|UAE;U.A.E.;Emirates|Emirati|Abu Dhabi|
AF|Afghanistan|Islamic Republic of Afghanistan|Afghan|Kabul|
AG|Antigua and Barbuda|Antigua|Antiguan|Saint John's|St. John's
AL|Albania||Albanian|Tirana|Tirane
AM|Armenia||Armenian|Yerevan|
AO|Angola||Angolan|Luanda|
AR|Argentina|Argentine Republic|Argentine;Argentinian|Buenos Aires|
AT|Austria||Austrian|Vienna|
AU|Australia|Commonwealth of Australia|Australian|Canberra|
AZ|Azerbaijan||Azerbaijani;Azeri|Baku|
BA|Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina;BiH|Bosnian|Sarajevo|
BB|Barbados||Barbadian|Bridgetown|
BD|Bangladesh||Bangladeshi|Dhaka|Dacca
BE|Belgium||Belgian|Brussels|
BF|Burkina Faso|Burkina|Burkinabe|Ouagadougou|
BG|Bulgaria||Bulgarian|Sofia|
BH|Bahrain|Kingdom of Bahrain|Bahraini|Manama|
BI|Burundi||Burundian|Gitega|
BJ|Benin||Beninese|Porto-Novo|
BN|Brunei|Brunei Darussalam|Bruneian|Bandar Seri Begawan|
BO|Bolivia|Plurinational State of Bolivia|Bolivian|Sucre|
BR|Brazil|Federative Republic of Brazil|Brazilian|Brasília|Brasilia
BS|Bahamas|The Bahamas|Bahamian|Nassau|
BT|Bhutan||Bhutanese|Thimphu|
BW|Botswana||Botswanan;Motswana;Batswana|Gaborone|
BY|Belarus|Republic of Belarus;Byelorussia|Belarusian;Belarussian|Minsk|
BZ|Belize||Belizean|Belmopan|
CA|Canada||Canadian|Ottawa|
CD|Democratic Republic of the Congo|DR Congo;DRC;D.R. Congo;Congo-Kinshasa;Democratic Republic of Congo|Congolese|Kinshasa|
CF|Central African Republic|CAR|Central African|Bangui|
CG|Republic of the Congo|Congo-Brazzaville;Congo Republic||Brazzaville|
CH|Switzerland|Swiss Confederation|Swiss|Bern|Berne
CI|Côte d'Ivoire|Ivory Coast;Cote d'Ivoire|Ivorian|Yamoussoukro|
CL|Chile|Republic of Chile|Chilean|Santiago|Santiago de Chile
CM|Cameroon||Cameroonian|Yaoundé|Yaounde
CN|China|People's Republic of China;PRC;P.R.C.;Mainland China|Chinese|Beijing|Peking
CO|Colombia|Republic of Colombia|Colombian|Bogotá|Bogota
CR|Costa Rica||Costa Rican|San José|San Jose
CU|Cuba|Republic of Cuba|Cuban|Havana|
CV|Cape Verde|Cabo Verde|Cape Verdean|Praia|
CY|Cyprus|Republic of Cyprus|Cypriot|Nicosia|
CZ|Czech Republic|Czechia|Czech;Czechs|Prague|
DE|Germany|Federal Republic of Germany|German|Berlin|
DJ|Djibouti||Djiboutian|Djibouti City|
DK|Denmark|Kingdom of Denmark|Danish;Dane|Copenhagen|
DM|Dominica|Commonwealth of Dominica|Dominican|Roseau|
DO|Dominican Republic|||Santo Domingo|
DZ|Algeria|People's Democratic Republic of Algeria|Algerian|Algiers|
EC|Ecuador|Republic of Ecuador|Ecuadorian;Ecuadorean|Quito|
EE|Estonia|Republic of Estonia|Estonian|Tallinn|
EG|Egypt|Arab Republic of Egypt|Egyptian|Cairo|
ER|Eritrea||Eritrean|Asmara|
ES|Spain|Kingdom of Spain|Spanish;Spaniard|Madrid|
ET|Ethiopia|Federal Democratic Republic of Ethiopia|Ethiopian|Addis Ababa|
FI|Finland|Republic of Finland|Finnish;Finn|Helsinki|
FJ|Fiji||Fijian|Suva|
FM|Micronesia|Federated States of Micronesia|Micronesian|Palikir|
FR|France|French Republic|French;Frenchman;Frenchmen|Paris|
GA|Gabon|Gabonese Republic|Gabonese|Libreville|
GB|United Kingdom|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland|British;Briton|London|
GD|Grenada||Grenadian|St. George's|Saint George's
GE|Georgia||Georgian|Tbilisi|
GH|Ghana|Republic of Ghana|Ghanaian|Accra|
GM|Gambia|The Gambia|Gambian|Banjul|
GN|Guinea|Republic of Guinea|Guinean|Conakry|
GQ|Equatorial Guinea||Equatoguinean|Malabo|
GR|Greece|Hellenic Republic|Greek|Athens|
GT|Guatemala||Guatemalan|Guatemala City|
GW|Guinea-Bissau||Bissau-Guinean|Bissau|
GY|Guyana|Co-operative Republic of Guyana|Guyanese|Georgetown|
HN|Honduras||Honduran|Tegucigalpa|
HR|Croatia|Republic of Croatia|Croatian;Croat|Zagreb|
HT|Haiti|Republic of Haiti|Haitian|Port-au-Prince|
HU|Hungary||Hungarian|Budapest|
ID|Indonesia|Republic of Indonesia|Indonesian|Jakarta|
IE|Ireland|Republic of Ireland;Eire|Irish|Dublin|
IL|Israel|State of Israel|Israeli|Jerusalem|
IN|India|Republic of India;Bharat|Indian|New Delhi|
IQ|Iraq|Republic of Iraq|Iraqi|Baghdad|
IR|Iran|Islamic Republic of Iran;Persia|Iranian|Tehran|Teheran
IS|Iceland||Icelandic;Icelander|Reykjavik|Reykjavík
IT|Italy|Italian Republic|Italian|Rome|
JM|Jamaica||Jamaican|Kingston|
JO|Jordan|Hashemite Kingdom of Jordan|Jordanian|Amman|
JP|Japan||Japanese|Tokyo|
KE|Kenya|Republic of Kenya|Kenyan|Nairobi|
KG|Kyrgyzstan|Kyrgyz Republic;Kirghizia;Kyrgyzstan Republic|Kyrgyz;Kirghiz|Bishkek|
KH|Cambodia|Kingdom of Cambodia|Cambodian;Khmer|Phnom Penh|
KI|Kiribati||I-Kiribati|Tarawa|South Tarawa
KM|Comoros|Union of the Comoros|Comorian|Moroni|
KN|Saint Kitts and Nevis|St. Kitts and Nevis;St Kitts and Nevis||Basseterre|
KP|North Korea|Democratic People's Republic of Korea;DPRK;D.P.R.K.|North Korean|Pyongyang|
KR|South Korea|Republic of Korea;ROK;Korea|South Korean;Korean|Seoul|
KW|Kuwait|State of Kuwait|Kuwaiti|Kuwait City|
KZ|Kazakhstan|Republic of Kazakhstan|Kazakh;Kazakhstani|Astana|Nur-Sultan
LA|Laos|Lao People's Democratic Republic;Lao PDR|Laotian;Lao|Vientiane|
LB|Lebanon|Lebanese Republic|Lebanese|Beirut|
LC|Saint Lucia|St. Lucia;St Lucia|Saint Lucian|Castries|
LI|Liechtenstein||Liechtensteiner|Vaduz|
LK|Sri Lanka|Democratic Socialist Republic of Sri Lanka;Ceylon|Sri Lankan|Colombo|Sri Jayawardenepura Kotte
LR|Liberia||Liberian|Monrovia|
LS|Lesotho||Basotho;Mosotho|Maseru|
LT|Lithuania|Republic of Lithuania|Lithuanian|Vilnius|
LU|Luxembourg||Luxembourger;Luxembourgish|Luxembourg City|
LV|Latvia|Republic of Latvia|Latvian|Riga|
LY|Libya|State of Libya|Libyan|Tripoli|
MA|Morocco|Kingdom of Morocco|Moroccan|Rabat|
MC|Monaco|Principality of Monaco|Monegasque|Monaco City|
MD|Moldova|Republic of Moldova|Moldovan|Chisinau|Chișinău;Kishinev
ME|Montenegro||Montenegrin|Podgorica|
MG|Madagascar|Republic of Madagascar|Malagasy|Antananarivo|
MH|Marshall Islands|Republic of the Marshall Islands|Marshallese|Majuro|
MK|North Macedonia|Macedonia;Republic of North Macedonia|North Macedonian;Macedonian|Skopje|
ML|Mali|Republic of Mali|Malian|Bamako|
MM|Myanmar|Burma;Republic of the Union of Myanmar|Myanmarese;Burmese|Naypyidaw|Nay Pyi Taw;Naypyitaw
MN|Mongolia||Mongolian|Ulaanbaatar|Ulan Bator
MR|Mauritania|Islamic Republic of Mauritania|Mauritanian|Nouakchott|
MT|Malta|Republic of Malta|Maltese|Valletta|
MU|Mauritius|Republic of Mauritius|Mauritian|Port Louis|
MV|Maldives|Republic of Maldives|Maldivian|Malé|Male
MW|Malawi|Republic of Malawi|Malawian|Lilongwe|
MX|Mexico|United Mexican States|Mexican|Mexico City|
MY|Malaysia||Malaysian|Kuala Lumpur|
MZ|Mozambique|Republic of Mozambique|Mozambican|Maputo|
NA|Namibia|Republic of Namibia|Namibian|Windhoek|
NE|Niger|Republic of Niger|Nigerien|Niamey|
NG|Nigeria|Federal Republic of Nigeria|Nigerian|Abuja|
NI|Nicaragua|Republic of Nicaragua|Nicaraguan|Managua|
NL|Netherlands|Kingdom of the Netherlands;Holland|Dutch;Dutchman|Amsterdam|
NO|Norway|Kingdom of Norway|Norwegian|Oslo|
NP|Nepal||Nepali;Nepalese|Kathmandu|
NR|Nauru|Republic of Nauru|Nauruan|Yaren|
NZ|New Zealand|Aotearoa|New Zealander;Kiwi|Wellington|
OM|Oman|Sultanate of Oman|Omani|Muscat|
PA|Panama|Republic of Panama|Panamanian|Panama City|
PE|Peru|Republic of Peru|Peruvian|Lima|
PG|Papua New Guinea|PNG|Papua New Guinean|Port Moresby|
PH|Philippines|Republic of the Philippines|Philippine;Filipino|Manila|
PK|Pakistan|Islamic Republic of Pakistan|Pakistani|Islamabad|
PL|Poland|Republic of Poland|Polish;Pole|Warsaw|
PS|Palestine|State of Palestine;Palestinian territories;Occupied Palestinian Territories|Palestinian|Ramallah|
PT|Portugal|Portuguese Republic|Portuguese|Lisbon|
PW|Palau|Republic of Palau|Palauan|Ngerulmud|
PY|Paraguay|Republic of Paraguay|Paraguayan|Asunción|Asuncion
QA|Qatar|State of Qatar|Qatari|Doha|
RO|Romania||Romanian|Bucharest|
RS|Serbia|Republic of Serbia|Serbian;Serb|Belgrade|
RU|Russia|Russian Federation|Russian|Moscow|
RW|Rwanda|Republic of Rwanda|Rwandan|Kigali|
SA|Saudi Arabia|Kingdom of Saudi Arabia;KSA|Saudi|Riyadh|
SB|Solomon Islands||Solomon Islander|Honiara|
SC|Seychelles|Republic of Seychelles|Seychellois|Victoria|
SD|Sudan|Republic of the Sudan|Sudanese|Khartoum|
SE|Sweden|Kingdom of Sweden|Swedish;Swede|Stockholm|
SG|Singapore|Republic of Singapore|Singaporean|Singapore City|
SI|Slovenia|Republic of Slovenia|Slovenian;Slovene|Ljubljana|
SK|Slovakia|Slovak Republic|Slovak;Slovakian|Bratislava|
SL|Sierra Leone||Sierra Leonean|Freetown|
SM|San Marino||Sammarinese|City of San Marino|
SN|Senegal|Republic of Senegal|Senegalese|Dakar|
SO|Somalia|Federal Republic of Somalia|Somali|Mogadishu|
SR|Suriname|Surinam|Surinamese|Paramaribo|
SS|South Sudan|Republic of South Sudan|South Sudanese|Juba|
ST|São Tomé and Príncipe|Sao Tome and Principe|Santomean|São Tomé|Sao Tome
SV|El Salvador||Salvadoran;Salvadorean|San Salvador|
SY|Syria|Syrian Arab Republic|Syrian|Damascus|
SZ|Eswatini|Swaziland;Kingdom of Eswatini|Swazi;Emaswati|Mbabane|
TD|Chad|Republic of Chad|Chadian|N'Djamena|Ndjamena
TG|Togo|Togolese Republic|Togolese|Lomé|Lome
TH|Thailand|Kingdom of Thailand;Siam|Thai|Bangkok|
TJ|Tajikistan|Republic of Tajikistan|Tajik;Tajikistani|Dushanbe|
TL|Timor-Leste|East Timor|Timorese|Dili|
TM|Turkmenistan||Turkmen|Ashgabat|Ashkhabad
TN|Tunisia|Tunisian Republic|Tunisian|Tunis|
TO|Tonga|Kingdom of Tonga|Tongan|Nuku'alofa|
TR|Türkiye|Turkey;Turkiye;Republic of Türkiye;Republic of Turkey|Turkish;Turk|Ankara|
TT|Trinidad and Tobago|Trinidad|Trinidadian|Port of Spain|Port-of-Spain
TV|Tuvalu||Tuvaluan|Funafuti|
TW|Taiwan|Republic of China;Chinese Taipei|Taiwanese|Taipei|
TZ|Tanzania|United Republic of Tanzania|Tanzanian|Dodoma|
UA|Ukraine||Ukrainian|Kyiv|Kiev
UG|Uganda|Republic of Uganda|Ugandan|Kampala|
US|United States|United States of America;US;U.S.;U.S;USA;U.S.A.;America;the States|American|Washington|Washington, D.C.;Washington DC;Washington D.C.
UY|Uruguay|Oriental Republic of Uruguay|Uruguayan|Montevideo|
UZ|Uzbekistan|Republic of Uzbekistan|Uzbek;Uzbekistani|Tashkent|Toshkent
VA|Vatican|Vatican City;Holy See;Vatican City State||Vatican City|
VC|Saint Vincent and the Grenadines|St. Vincent and the Grenadines;St Vincent and the Grenadines;Saint Vincent|Vincentian|Kingstown|
VE|Venezuela|Bolivarian Republic of Venezuela|Venezuelan|Caracas|
VN|Vietnam|Viet Nam;Socialist Republic of Vietnam|Vietnamese|Hanoi|
VU|Vanuatu|Republic of Vanuatu|Ni-Vanuatu|Port Vila|
WS|Samoa|Independent State of Samoa|Samoan|Apia|
YE|Yemen|Republic of Yemen|Yemeni|Sanaa|Sana'a
ZA|South Africa|Republic of South Africa|South African|Pretoria|
ZM|Zambia|Republic of Zambia|Zambian|Lusaka|
ZW|Zimbabwe|Republic of Zimbabwe|Zimbabwean|Harare|
"""

# States that ISO 3166-1 does not list (historical or partially recognised).
EXTRA = """
XK|Kosovo|Republic of Kosovo|Kosovar;Kosovan|Pristina|Prishtina
SU|Soviet Union|USSR;U.S.S.R.;Union of Soviet Socialist Republics|Soviet|Moscow|
"""

# Capitals that are not a state's own name: skip when the city equals the state name
# ("Singapore City" is kept as a city, "Vatican City" stays an alias of the Vatican).
NO_PLURAL_ENDINGS = ("ese", "sh", "ch", "ss", "s", "z", "x", "i Republic")


def plural(demonym):
    if demonym.endswith(NO_PLURAL_ENDINGS) or " " in demonym and not demonym.endswith("an"):
        return None
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    return demonym + "s"


def split(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def parse(table):
    rows = []
    for line in table.strip().splitlines():
        parts = line.split("|")
        if len(parts) != 6:
            raise SystemExit("bad curated line: " + line)
        rows.append(parts)
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "lexicons"))
    args = ap.parse_args()

    iso = {c["alpha_2"]: c for c in json.load(open(args.iso, encoding="utf-8"))["3166-1"]}
    curated = parse(CURATED)
    for code, *_ in curated:
        if code not in iso:
            raise SystemExit("unknown ISO code in curated table: " + code)

    states, capitals = [], []
    for code, canonical, aliases, demonyms, capital, capital_aliases in curated + parse(EXTRA):
        names = split(aliases)
        info = iso.get(code, {})
        for key in ("name", "official_name", "common_name"):
            value = info.get(key)
            # "Korea, Republic of" reads as no text writes it
            if value and "," not in value and "(" not in value and value != canonical \
                    and value not in names:
                names.append(value)
        dems = split(demonyms)
        for d in list(dems):
            p = plural(d)
            if p and p not in dems:
                dems.append(p)
        states.append((canonical, "GPE", names, dems, capital))
        if capital and capital != canonical and code != "SU":
            capitals.append((capital, "GPE", split(capital_aliases), canonical))

    # ISO's "Virgin Islands, British" and "Falkland Islands (Malvinas)" read badly in news.
    territory_names = {"VG": ("British Virgin Islands", []), "VI": ("US Virgin Islands", ["U.S. Virgin Islands"]),
                       "FK": ("Falkland Islands", ["Falklands", "Malvinas"]), "CC": ("Cocos Islands", []),
                       "MF": ("Saint Martin", []), "MO": ("Macau", ["Macao"]), "HK": ("Hong Kong", []), "SX": ("Sint Maarten", [])}
    covered = {row[0] for row in curated}
    territories = []
    for code, info in iso.items():
        if code in covered or code in ("AQ", "BV", "HM", "UM", "TF", "IO", "GS"):
            continue
        canonical, names = territory_names.get(code, (info.get("common_name", info["name"]), []))
        names = names + [v for v in (info["name"], info.get("official_name"))
                         if v and "," not in v and "(" not in v and v != canonical
                         and v not in names]
        territories.append((canonical, "GPE", names))

    def fmt(values):
        return ";".join(values)

    def write(name, header, rows):
        rows = sorted(rows, key=lambda r: r.split("\t")[0].casefold())
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write("# Generated by scripts/make_states_lexicon.py from iso-codes; edit the script.\n")
            f.write(header + "\n")
            for r in rows:
                f.write(r + "\n")

    write("states.tsv", "canonical\ttype\taliases\tdemonyms\tcapital",
          ["\t".join((c, t, fmt(a), fmt(d), cap)) for c, t, a, d, cap in states])
    write("capitals.tsv", "canonical\ttype\taliases\tcapital_of",
          ["\t".join((c, t, fmt(a), of)) for c, t, a, of in capitals])
    write("territories.tsv", "canonical\ttype\taliases",
          ["\t".join((c, t, fmt(a))) for c, t, a in territories])


if __name__ == "__main__":
    main()
