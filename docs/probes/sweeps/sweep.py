#!/usr/bin/env python3
"""Sentence sweeps: plain news sentences and two-sentence stories generated
from templates over many countries and leaders, each with the events it
must give, coded by a farabi binary and scored. Written by the lead in the
tenth session (2026-12-07) to find capabilities that fail on the plainest
wire language; see README.md beside this file.

    python3 docs/probes/sweeps/sweep.py FARABI [SWEEP ...] [--show N]

FARABI is a built binary (go build -o /tmp/farabi ./cmd/farabi). With no
SWEEP every sweep runs. --show N lists N failing sentences a template.
Keys are (source country, target country, CAMEO root); the roles (GOV,
MIL) are not scored. The sentences are fixed by a seed, so two binaries
are compared on the same sentences.
"""
import collections, json, os, random, subprocess, sys, tempfile

C = {  # name, adjective, code
 "Japan":("Japanese","JPN"), "South Korea":("South Korean","KOR"), "North Korea":("North Korean","PRK"),
 "Saudi Arabia":("Saudi","SAU"), "the United Arab Emirates":("Emirati","ARE"), "the United States":("American","USA"),
 "New Zealand":("New Zealand","NZL"), "Sri Lanka":("Sri Lankan","LKA"), "Costa Rica":("Costa Rican","CRI"),
 "the Czech Republic":("Czech","CZE"), "South Africa":("South African","ZAF"), "Kazakhstan":("Kazakh","KAZ"),
 "Uzbekistan":("Uzbek","UZB"), "China":("Chinese","CHN"), "Russia":("Russian","RUS"), "Turkey":("Turkish","TUR"),
 "France":("French","FRA"), "India":("Indian","IND"), "Pakistan":("Pakistani","PAK"), "Egypt":("Egyptian","EGY"),
 "Kyrgyzstan":("Kyrgyz","KGZ"), "Tajikistan":("Tajik","TJK"), "Azerbaijan":("Azerbaijani","AZE"), "Armenia":("Armenian","ARM"),
 "Georgia":("Georgian","GEO"), "Iran":("Iranian","IRN"), "Germany":("German","DEU"), "the United Kingdom":("British","GBR"),
 "Brazil":("Brazilian","BRA"), "Nigeria":("Nigerian","NGA"), "Vietnam":("Vietnamese","VNM"), "the Philippines":("Philippine","PHL"),
 "Sierra Leone":("Sierra Leonean","SLE"), "El Salvador":("Salvadoran","SLV"), "Papua New Guinea":("Papua New Guinean","PNG"),
 "Bosnia and Herzegovina":("Bosnian","BIH"), "the Democratic Republic of Congo":("Congolese","COD"), "East Timor":("East Timorese","TLS"),
 "Burkina Faso":("Burkinabe","BFA"), "Hong Kong":("Hong Kong","HKG"),
}


# leaders: full name, name alone, title, country, adjective, code
L = [ # full name, surname, title, country, adj, code
 ("Sanae Takaichi","Takaichi","Prime Minister","Japan","Japanese","JPN"),
 ("Friedrich Merz","Merz","Chancellor","Germany","German","DEU"),
 ("Lee Jae-myung","Lee","President","South Korea","South Korean","KOR"),
 ("Ferdinand Marcos Jr.","Marcos","President","the Philippines","Philippine","PHL"),
 ("Narendra Modi","Modi","Prime Minister","India","Indian","IND"),
 ("Recep Tayyip Erdogan","Erdogan","President","Turkey","Turkish","TUR"),
 ("Emmanuel Macron","Macron","President","France","French","FRA"),
 ("Xi Jinping","Xi","President","China","Chinese","CHN"),
 ("Vladimir Putin","Putin","President","Russia","Russian","RUS"),
 ("Shavkat Mirziyoyev","Mirziyoyev","President","Uzbekistan","Uzbek","UZB"),
 ("Kassym-Jomart Tokayev","Tokayev","President","Kazakhstan","Kazakh","KAZ"),
 ("Ilham Aliyev","Aliyev","President","Azerbaijan","Azerbaijani","AZE"),
 ("Nikol Pashinyan","Pashinyan","Prime Minister","Armenia","Armenian","ARM"),
 ("Anwar Ibrahim","Anwar","Prime Minister","Malaysia","Malaysian","MYS"),
 ("Prabowo Subianto","Prabowo","President","Indonesia","Indonesian","IDN"),
 ("Javier Milei","Milei","President","Argentina","Argentine","ARG"),
 ("Claudia Sheinbaum","Sheinbaum","President","Mexico","Mexican","MEX"),
 ("Giorgia Meloni","Meloni","Prime Minister","Italy","Italian","ITA"),
 ("Donald Tusk","Tusk","Prime Minister","Poland","Polish","POL"),
 ("Mark Carney","Carney","Prime Minister","Canada","Canadian","CAN"),
 ("Bola Tinubu","Tinubu","President","Nigeria","Nigerian","NGA"),
 ("William Ruto","Ruto","President","Kenya","Kenyan","KEN"),
 ("Shehbaz Sharif","Sharif","Prime Minister","Pakistan","Pakistani","PAK"),
 ("Serdar Berdimuhamedov","Berdimuhamedov","President","Turkmenistan","Turkmen","TKM"),
 ("Sadyr Japarov","Japarov","President","Kyrgyzstan","Kyrgyz","KGZ"),
 ("Emomali Rahmon","Rahmon","President","Tajikistan","Tajik","TJK"),
 ("Alexander Lukashenko","Lukashenko","President","Belarus","Belarusian","BLR"),
 ("Aleksandar Vucic","Vucic","President","Serbia","Serbian","SRB"),
 ("Cyril Ramaphosa","Ramaphosa","President","South Africa","South African","ZAF"),
 ("Masoud Pezeshkian","Pezeshkian","President","Iran","Iranian","IRN"),
]

SWEEPS = {
    'pairs': ('plain sentences of diplomacy and conflict over pairs of countries', [
 ("{A} and {B} held talks on Monday.", [("A","B","04"),("B","A","04")]),
 ("{A} and {B} signed an agreement on trade on Tuesday.", [("A","B","05"),("B","A","05")]),
 ("{A} accused {B} of violating the ceasefire.", [("A","B","11")]),
 ("The foreign minister of {A} visited {B} on Monday.", [("A","B","04")]),
 ("{A} expelled two {b} diplomats on Friday.", [("A","B","17")]),
 ("Officials from {A} and {B} agreed to expand trade.", [("A","B","03"),("B","A","03")]),
 ("{a} and {b} troops exchanged fire along the border.", [("A","B","19"),("B","A","19")]),
 ("The {a} president met his {b} counterpart in Geneva.", [("A","B","04"),("B","A","04")]),
 ("{A} condemned the missile test by {B}.", [("A","B","11")]),
 ("{A} offered humanitarian aid to {B} after the earthquake.", [("A","B","03")]),
 ("{A} and {B} agreed to restore diplomatic relations.", [("A","B","03"),("B","A","03")]),
 ("{A} summoned the {b} ambassador on Wednesday.", [("A","B","11")]),
 ("{A} imposed sanctions on {b} officials.", [("A","B","16")]),
 ("{A} urged {B} to release the detained journalists.", [("A","B","02")]),
 ("The leaders of {A} and {B} discussed energy cooperation by phone.", [("A","B","04"),("B","A","04")]),
]),
    'plain': ('more plain sentences: visits, receptions, posture, recognition, invitations', [
 ("The {a} foreign minister held talks with his {b} counterpart in the capital on Tuesday.", [("A","B","04"),("B","A","04")]),
 ("{A}'s president received the {b} ambassador on Monday.", [("A","B","04")]),
 ("The {a} and {b} presidents signed a joint declaration.", [("A","B","05"),("B","A","05")]),
 ("{A} and {B} signed a memorandum of understanding on energy cooperation.", [("A","B","05"),("B","A","05")]),
 ("{A} recalled its ambassador from {B} for consultations.", [("A","B","16")]),
 ("{A} closed its border with {B} on Sunday.", [("A","B","16")]),
 ("{A} denied accusations by {B} that it had shelled border villages.", [("A","B","12")]),
 ("{A} threatened to impose sanctions on {B}.", [("A","B","13")]),
 ("{a} forces shelled {b} positions overnight.", [("A","B","19")]),
 ("{A} welcomed the decision by {B} to lift the ban.", [("A","B","05")]),
 ("{A} praised {B} for its role in the talks.", [("A","B","05")]),
 ("{A} called on {B} to withdraw its troops.", [("A","B","02")]),
 ("{A} demanded that {B} withdraw its troops.", [("A","B","10")]),
 ("{A} rejected a proposal by {B} to hold new talks.", [("A","B","12")]),
 ("{A} will send 200 tonnes of humanitarian aid to {B}.", [("A","B","03")]),
 ("{A} delivered 200 tonnes of humanitarian aid to {B} on Friday.", [("A","B","07")]),
 ("{A} agreed to provide a loan of $500 million to {B}.", [("A","B","03")]),
 ("The president of {A} arrived in {B} on an official visit on Monday.", [("A","B","04")]),
 ("The president of {A} will visit {B} next month.", [("A","B","03")]),
 ("{A} invited the {b} president to visit the country.", [("A","B","03")]),
 ("{A} expressed concern over the arrest of {b} journalists.", [("A","B","11")]),
 ("{A} condemned {B} for the attack on the embassy.", [("A","B","11")]),
 ("{A} suspended flights to {B} after the crash.", [("A","B","16")]),
 ("{A} and {B} agreed to boost bilateral trade to $1 billion.", [("A","B","03"),("B","A","03")]),
 ("{a} police arrested two {b} citizens on suspicion of spying.", [("A","B","17")]),
 ("{A} protested to {B} over the detention of its fishermen.", [("A","B","11")]),
 ("{A} declared two {b} diplomats persona non grata.", [("A","B","17")]),
 ("{A} opened an embassy in {B} on Thursday.", [("A","B","05")]),
 ("{A} offered to mediate between {B} and its neighbours.", [("A","B","03")]),
 ("A delegation from {A} visited {B} to discuss trade.", [("A","B","04")]),
 ("{A} and {B} held joint military exercises near the border.", [("A","B","06"),("B","A","06")]),
 ("{A} accused {B} of interfering in its internal affairs.", [("A","B","11")]),
 ("{A} thanked {B} for its support.", [("A","B","05")]),
 ("{A} congratulated {B} on its national day.", [("A","B","05")]),
 ("{A} warned {B} against any military action.", [("A","B","13")]),
 ("{A} cut diplomatic ties with {B}.", [("A","B","16")]),
 ("{A} and {B} restored diplomatic relations on Monday.", [("A","B","06"),("B","A","06")]),
 ("{A} banned imports of {b} wheat.", [("A","B","16")]),
 ("{A} pledged $10 million in aid to {B}.", [("A","B","03")]),
 ("{A} hosted the {b} prime minister for talks on Friday.", [("A","B","04")]),
]),
    'leaders': ('leaders by name and title (story day 2025-11-01)', [
 ("{TA} {FA} met {TB} {FB} in Geneva on Monday.", [("A","B","04"),("B","A","04")]),
 ("{adjA} {TA} {FA} and his {adjB} counterpart {FB} held talks in the capital.", [("A","B","04"),("B","A","04")]),
 ("{TA} {FA} said {A} was ready to expand cooperation with {B}.", [("A","B","03")]),
 ("{SA}, who arrived in {B} on Sunday, held talks with {TB} {FB}.", [("A","B","04"),("B","A","04")]),
 ("{SA} was received by {SB} at the presidential palace.", [("B","A","04")]),
 ("The talks between {SA} and {SB} focused on energy.", [("A","B","04"),("B","A","04")]),
 ("{SA} accused {B} of meddling in the election.", [("A","B","11")]),
 ("{SA} phoned {SB} to discuss the crisis.", [("A","B","04"),("B","A","04")]),
 ("{SA} thanked {SB} for the warm welcome.", [("A","B","05")]),
 ("In a phone call with {SB}, {SA} congratulated him on his victory.", [("A","B","05")]),
 ("{SB} is expected to visit {A} next month at the invitation of {SA}.", [("B","A","03")]),
 ("{SA} hosted {SB} for talks at his residence on Friday.", [("A","B","04"),("B","A","04")]),
 ("{SA} and {SB} agreed to launch negotiations on a free trade deal.", [("A","B","03"),("B","A","03")]),
 ("{SA} criticised {SB} for what he called a hostile act.", [("A","B","11")]),
 ("{SA} urged {SB} to release the detained sailors.", [("A","B","02")]),
 ("{SA} arrived in {B} on Tuesday for a two-day state visit.", [("A","B","04")]),
 ("During his visit to {B}, {SA} laid a wreath and met {TB} {FB}.", [("A","B","04"),("B","A","04")]),
 # round 15: a telling with a content is the content's event, not 010 (the
 # gold sets code no such 010); this content names no act toward B
 ("{SA} told {SB} that {A} would not recognise the vote.", []),
 ("{A} and {B} signed a series of agreements during a visit by {TA} {FA}.", [("A","B","05"),("B","A","05")]),
 ("{SA} welcomed {SB} at the airport.", [("A","B","04")]),
]),
    'clauses': ('passives, reduced relatives, reports and relative clauses', [
 ("{A} and {B} agreed on Monday to expand cooperation, the foreign ministry said.", [("A","B","03"),("B","A","03")]),
 ("{A}'s foreign minister, speaking after talks with his {b} counterpart, said the two countries would boost trade.", [("A","B","04"),("B","A","04")]),
 ("The agreement was signed by the foreign ministers of {A} and {B}.", [("A","B","05"),("B","A","05")]),
 ("{A} was accused by {B} of violating the truce.", [("B","A","11")]),
 ("{a} troops were attacked by {b} forces near the border.", [("B","A","19")]),
 ("The {b} ambassador was summoned to the {a} foreign ministry.", [("A","B","11")]),
 ("Talks between {A} and {B} ended without agreement.", [("A","B","04"),("B","A","04")]),
 ("A {a} delegation led by the foreign minister arrived in {B} for talks.", [("A","B","04")]),
 ("{A} sent 50 rescuers to {B} after the earthquake.", [("A","B","07")]),
 ("{A} said it had shot down a {b} drone over its territory.", [("A","B","19")]),
 ("{A} lodged a formal protest with {B} over the incident.", [("A","B","11")]),
 ("{A} extended a $1 billion loan to {B}.", [("A","B","07")]),
 ("{A} and {B} vowed to deepen their strategic partnership.", [("A","B","03"),("B","A","03")]),
 ("{A} strongly condemned the attack on its embassy in {B}.", [("A","B","11")]),
 ("{A} signed a contract with {B} to build a railway.", [("A","B","05"),("B","A","05")]),
 ("{A} will host the next round of talks with {B} in May.", [("A","B","03")]),
 ("{A} has asked {B} to extradite the former minister.", [("A","B","02")]),
 ("{A} refused to recognise the election in {B}.", [("A","B","12")]),
 ("{A} seized a {b} tanker in the Gulf on Sunday.", [("A","B","17")]),
 ("The president of {A} paid a state visit to {B}, where he met his {b} counterpart.", [("A","B","04"),("B","A","04")]),
]),
    'stories': ("two-sentence stories: references to the first sentence's parties (keys carry the sentence index)", [
 ("{A} and {B} held talks on Monday. The two sides agreed to expand trade.", [(1,"A","B","03"),(1,"B","A","03")]),
 ("The {a} foreign minister visited {B} on Tuesday. He met his {b} counterpart and discussed energy.", [(1,"A","B","04"),(1,"B","A","04")]),
 ("{A} accused {B} of violating the border. The {b} foreign ministry rejected the accusation.", [(1,"B","A","12")]),
 ("The president of {A} arrived in {B} on Monday. During the visit, the two countries signed ten agreements.", [(1,"A","B","05"),(1,"B","A","05")]),
 ("{A} summoned the {b} ambassador on Friday. The ministry handed him a note of protest.", [(1,"A","B","11")]),
 ("{A} and {B} signed a trade deal on Monday. Both countries also agreed to open direct flights.", [(1,"A","B","03"),(1,"B","A","03")]),
 ("Talks between {A} and {B} resumed in Geneva on Monday. The negotiators agreed to meet again next month.", [(1,"A","B","03"),(1,"B","A","03")]),
 ("{a} troops clashed with {b} forces near the border on Sunday. {B} blamed {A} for the fighting.", [(0,"A","B","19"),(0,"B","A","19"),(1,"B","A","11")]),
 ("The president of {A} hosted his {b} counterpart on Monday. The leaders discussed regional security.", [(1,"A","B","04"),(1,"B","A","04")]),
 ("{A} imposed new sanctions on {B} on Monday. {B} vowed to retaliate.", [(1,"B","A","13")]),
 ("{A} expelled two {b} diplomats on Monday. {B} responded by expelling three {a} diplomats.", [(1,"B","A","17")]),
 ("The {a} prime minister met the {b} president in Paris. They agreed to boost investment.", [(1,"A","B","03"),(1,"B","A","03")]),
 ("{A} and {B} restored diplomatic ties on Monday. The {a} foreign minister said his country would reopen its embassy soon.", [(1,"A","B","03")]),
 ("{A} sent humanitarian aid to {B} on Friday. The {b} government thanked {A} for the help.", [(1,"B","A","05")]),
 ("The {a} president spoke by phone with his {b} counterpart on Monday. The two leaders agreed to meet in May.", [(1,"A","B","03"),(1,"B","A","03")]),
]),
    'claims': ('claims, threats, offers, demands, rejections', [
 ("{A}'s foreign ministry said {b} troops had opened fire on its border posts.", [("B","A","19")]),
 ("{A} and {B} traded accusations over the clash.", [("A","B","11"),("B","A","11")]),
 ("{A} blamed {B} for the attack on the convoy.", [("A","B","11")]),
 ("{A} warned that it would retaliate against {B}.", [("A","B","13")]),
 ("{A} threatened {B} with sanctions.", [("A","B","13")]),
 ("{A} said it was ready to hold talks with {B}.", [("A","B","03")]),
 ("{A} has offered {B} a $2 billion loan.", [("A","B","03")]),
 ("{A} told {B} to stop the attacks.", [("A","B","10")]),
 ("{A} rejected {B}'s demand to withdraw its troops.", [("A","B","12")]),
 ("{A} called {B}'s decision a violation of international law.", [("A","B","11")]),
 ("{A} and {B} pledged to fight terrorism together.", [("A","B","03"),("B","A","03")]),
 ("{A} expressed its readiness to help {B} rebuild.", [("A","B","03")]),
 ("{A} denied that its forces had shelled {B}.", [("A","B","01")]),
 ("{A} announced the expulsion of three {b} diplomats.", [("A","B","17")]),
 ("{A} handed {B} a list of demands.", [("A","B","10")]),
 ("{A} asked {B} for military assistance.", [("A","B","02")]),
 ("{A} sided with {B} in the dispute.", [("A","B","05")]),
 ("{A} voted against a resolution drafted by {B}.", [("A","B","12")]),
 ("{A} froze the assets of {b} banks.", [("A","B","16")]),
 ("{A} lifted sanctions on {B}.", [("A","B","08")]),
]),
    'force': ('material conflict and cooperation: detentions, strikes, seizures, drills', [
 ("{a} border guards detained five {b} fishermen on Tuesday.", [("A","B","17")]),
 ("{a} warplanes struck targets in {B} overnight.", [("A","B","19")]),
 ("{a} forces seized a {b} cargo ship in the strait.", [("A","B","17")]),
 ("Protesters rallied outside the {b} embassy in the capital of {A}.", [("A","B","14")]),
 ("{A} shot down a {b} drone over its territory.", [("A","B","19")]),
 ("{a} and {b} navies held joint drills in the sea.", [("A","B","06"),("B","A","06")]),
 ("A {a} court sentenced a {b} citizen to ten years for spying.", [("A","B","17")]),
 ("{A} deported 200 {b} migrants on Monday.", [("A","B","17")]),
 ("{A} released three {b} sailors on Friday.", [("A","B","08")]),
 ("{A} reopened its embassy in {B} after five years.", [("A","B","08")]),
 ("{A} suspended military cooperation with {B}.", [("A","B","16")]),
 ("{A} banned {b} airlines from its airspace.", [("A","B","16")]),
 ("{A} and {B} exchanged prisoners of war on Sunday.", [("A","B","08"),("B","A","08")]),
 ("{a} troops crossed into {B} on Monday.", [("A","B","19")]),
 ("{A} sent two warships to the coast of {B}.", [("A","B","15")]),
 ("{A} deployed troops along its border with {B}.", [("A","B","15")]),
 ("{A} mobilised reservists amid tensions with {B}.", [("A","B","15")]),
 ("{A} evacuated its citizens from {B}.", [("A","B","0")]),
 ("{A} recognised the independence of {B}.", [("A","B","05")]),
 ("{A} signed a defence pact with {B} on Monday.", [("A","B","05"),("B","A","05")]),
]),
}

SEEDS = {"pairs": 7, "plain": 11, "leaders": 5, "clauses": 13, "stories": 17, "claims": 19, "force": 23}


def generate(name):
    """Yields (id, date, text, template index, keys) for one sweep."""
    _, templates = SWEEPS[name]
    rnd = random.Random(SEEDS[name])
    countries = [n for n in C if n != "Hong Kong"]
    if name == "pairs":
        pairs = [(a, b) for a in countries for b in countries if a != b]
        rnd.shuffle(pairs)
    i = 0
    for ti, (text, exp) in enumerate(templates):
        for k in range(15 if name != "pairs" else 60):
            if name == "leaders":
                a, b = rnd.sample(L, 2)
                s = text.format(TA=a[2], FA=a[0], SA=a[1], A=a[3], adjA=a[4], TB=b[2], FB=b[0], SB=b[1], B=b[3], adjB=b[4])
                code = {"A": a[5], "B": b[5]}
            else:
                a, b = pairs[ti * 60 + k] if name == "pairs" else rnd.sample(countries, 2)
                s = text.format(A=a, B=b, a=C[a][0], b=C[b][0])
                code = {"A": C[a][1], "B": C[b][1]}
            s = ". ".join(x[:1].upper() + x[1:] for x in s.split(". "))
            if name == "stories":
                keys = [(n, code[x], code[y], r) for n, x, y, r in exp]
            else:
                keys = [(code[x], code[y], r) for x, y, r in exp]
            day = "2025-11-01" if name == "leaders" else "2025-05-01"
            yield "%s-%05d" % (name, i), day, s, ti, keys
            i += 1


def run(binary, name, show):
    recs = list(generate(name))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for rid, day, text, _, _ in recs:
            f.write(json.dumps({"id": rid, "date": day, "text": text}) + "\n")
    out = subprocess.run([binary, "code", "--input", "jsonl", f.name], capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    got = collections.defaultdict(set)
    for line in out.splitlines():
        e = json.loads(line)
        key = (e["source"][:3], e["target"][:3], e["code"][:2])
        got[e["doc"]].add((e["sentence"],) + key if name == "stories" else key)
    per = collections.defaultdict(lambda: [0, 0])
    fails = collections.defaultdict(list)
    for rid, _, text, ti, keys in recs:
        ok = set(map(tuple, keys)) <= got[rid]
        per[ti][0] += 1
        per[ti][1] += ok
        if not ok:
            fails[ti].append((text, sorted(got[rid])))
    found = sum(v[1] for v in per.values())
    print("%-8s %4d of %4d sentences give every key (%.1f%%)" % (name, found, len(recs), 100.0 * found / len(recs)))
    for ti in sorted(per):
        if per[ti][1] < per[ti][0]:
            print("   template %2d: %2d of %2d  %s" % (ti, per[ti][1], per[ti][0], SWEEPS[name][1][ti][0]))
            for text, g in fails[ti][:show]:
                print("      %s  got %s" % (text, g))
    return found, len(recs)


def main():
    args = sys.argv[1:]
    show = 0
    if "--show" in args:
        k = args.index("--show")
        show = int(args[k + 1])
        del args[k:k + 2]
    if not args:
        sys.exit(__doc__)
    binary, names = args[0], args[1:] or list(SWEEPS)
    total = [0, 0]
    for n in names:
        f, t = run(binary, n, show)
        total[0] += f
        total[1] += t
    print("all      %4d of %4d (%.1f%%)" % (total[0], total[1], 100.0 * total[0] / total[1]))


if __name__ == "__main__":
    main()
