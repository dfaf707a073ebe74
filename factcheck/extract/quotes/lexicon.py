"""Word lists for quote attribution: reporting verbs, titles, pronouns and the words that tell a gender.

Every rule in the quote modules that depends on vocabulary reads it from here, so a reviewer can see (and a
maintainer can extend) what the rules know. Lists are written one line of plain words at a time.
"""

from __future__ import annotations


def words(*lines: str) -> frozenset[str]:
    """The set of the whitespace-separated words in `lines`."""
    return frozenset(word for line in lines for word in line.split())


# Verbs that introduce speech or writing, in the forms news copy uses. Base forms that are mostly nouns in
# news ("state", "report", "claim", "post") are left out; their -s and -ed forms are in.
REPORTING_VERBS = words(
    "say says said saying tell tells told telling add adds added adding ask asks asked asking",
    "states stated insist insists insisted warn warns warned argue argues argued explain explains explained",
    "notes noted write writes wrote writing tweets tweeted tweeting declare declares declared",
    "claims claimed continue continues continued recall recalls recalled reply replies replied",
    "respond responds responded answers answered acknowledge acknowledges acknowledged",
    "admit admits admitted announce announces announced observes observed remarks remarked",
    "suggest suggests suggested stresses stressed emphasize emphasizes emphasized emphasises emphasised",
    "concede concedes conceded counters countered cautions cautioned complain complains complained",
    "demands demanded jokes joked quip quips quipped predict predicts predicted promises promised promising",
    "vows vowed urge urges urged boasts boasted muses mused laments lamented shouts shouted yells yelled",
    "exclaims exclaimed whispers whispered pleads pleaded testify testifies testified posts posted",
    "contend contends contended maintain maintains maintained reiterate reiterates reiterated",
    "confirm confirms confirmed deny denies denied charges charged allege alleges alleged",
    "proclaims proclaimed repeats repeated recounts recounted conclude concludes concluded",
    "assert asserts asserted affirms affirmed",
    "reports reported agree agrees agreed reads wonder wonders wondered chants chanted screams screamed",
    "thundered fumed retorted interjected interjects comments commented scolds scolded quotes quoted",
    "ruled rules",
    # The participles that hang a quote on the sentence's subject (`..., asserting, "Of course ..."`).
    "insisting arguing explaining noting declaring claiming recalling replying responding acknowledging",
    "admitting announcing observing remarking suggesting stressing emphasizing emphasising conceding",
    "countering cautioning complaining demanding joking quipping predicting vowing urging boasting musing",
    "lamenting shouting yelling exclaiming pleading testifying contending reiterating confirming denying",
    "alleging proclaiming recounting concluding asserting affirming agreeing wondering chanting commenting",
)
# Verbs that put a name or a label on something: `called the plan "a disaster"`, `condemned the test as
# "provocative"`. They attribute a short quoted phrase after their object; never inverted after a quote.
NAMING_VERBS = words(
    "call calls called calling describe describes described describing dub dubs dubbed label labels labeled",
    "labelled term terms termed brand brands branded deem deems deemed condemn condemns condemned condemning",
    "denounce denounces denounced criticize criticizes criticized criticise criticises criticised",
    "dismiss dismisses dismissed hail hails hailed praise praises praised blast blasts blasted",
    "slam slams slammed accuse accuses accused accusing liken likens likened compare compares compared",
    "deride derides derided mock mocks mocked ridicule ridiculed decry decries decried lambaste lambasted",
    "tout touts touted characterize characterizes characterized characterise characterised",
    "portray portrays portrayed rate rates rated",
)
CUE_WORDS = REPORTING_VERBS | NAMING_VERBS
# Two-word cues: `went on`, `pointed out`, `chimed in`, `as he put it`.
CUE_PHRASES = (
    "according to",
    "went on",
    "goes on",
    "pointed out",
    "points out",
    "chimed in",
    "put it",
    "added that",
)
# Capitalised forms accepted as cues (headlines write "Obama Says ..."); other capitalised cue words are more
# often nouns or names (Washington Post, Secretary of State, Report).
HEADLINE_CUES = words(
    "Says Said Tells Told Warns Warned Asks Asked Adds Added Claims Claimed Insists Insisted Declares",
    "Declared Writes Wrote Tweets Tweeted Calls Called Admits Admitted Argues Argued Vows Vowed Explains",
    "Explained According",
)

# Nouns for works and publications: a title-cased quote right after one is the work's name (`the anthem "A
# Change Is Gonna Come,"`), and so are the words after "titled".
WORK_NOUNS = words(
    "song anthem album single book novel memoir film movie documentary show program programme series episode",
    "podcast play musical column op-ed commentary essay article editorial headline poem painting titled entitled",
)

PRONOUNS = words("he she they i we you it")
PRONOUN_GENDER = {"he": "male", "she": "female"}

# Tokens that stand before a name and are not part of it. Case matters: "President Obama", not "the
# president".
TITLES = words(
    "Mr. Mr Mrs. Mrs Ms. Ms Miss Mx. Dr. Dr Prof. Professor Sen. Senator Rep. Representative Gov. Governor",
    "Lt. Col. Gen. Maj. Capt. Sgt. Adm. Cmdr. Brig. Cpl. Pvt. Colonel General Major Captain Lieutenant",
    "Sergeant Admiral Commander Marshal Corporal President Vice Prime Minister Deputy Secretary Sec.",
    "Ambassador Amb. Judge Justice Chief Commissioner Chairman Chairwoman Chair Director Mayor King Queen",
    "Prince Princess Pope Father Rev. Reverend Rabbi Imam Sheikh Sir Dame Lord Lady Attorney Speaker",
    "Leader Majority Minority Whip Sheriff Officer Detective Inspector Superintendent CEO CFO COO CTO",
    "Chancellor Premier Foreign Defense Defence Interior Finance Trade Health Del. Delegate Assemblyman",
    "Assemblywoman Councilman Councilwoman Congressman Congresswoman Treasurer Comptroller Emir Crown",
    "Archbishop Bishop Cardinal Coach Agent Spokesman Spokeswoman Spokesperson Acting Former Senior",
    "Assistant Executive Managing Founder Chairperson Economy Labor Labour Homeland Security Energy",
    "Education Commerce Transportation Agriculture Treasury State Affairs Pastor Brother Sister Mother",
    "Gen Dep. Supt. Insp. Det. Atty. Hon. Honorable Honourable Supreme Rev Revd Rt",
    "Sens. Reps. Govs. Drs. Messrs. Mmes. Gens. Lt.-Gen. Maj.-Gen. Brig.-Gen. Sec.-Gen.",
)
# Titles that are always followed by a name, so "Mr. King" is a name although "King" is also a title.
HONORIFICS = words("Mr Mrs Ms Dr Sir Dame Senator Representative Governor Judge Professor")
# Words after which "of" continues a title: Secretary of State, Minister of Foreign Affairs.
TITLE_OF_HEADS = words("Secretary Minister Director Chief Chairman Commissioner Head")
# Capitalised labels written before a name that are not part of it ("Republican Donald Trump").
NAME_DESCRIPTORS = words(
    "Republican Democrat Democratic GOP Libertarian Independent Conservative Liberal Labour Green Socialist",
    "Rival Candidate Nominee Crooked Then-candidate Presidential Veteran Billionaire Businessman Activist",
)
# A phrase ending in one of these names an organisation, kept as written ("the Justice Department").
ORGANISATION_WORDS = words(
    "Department Ministry Office Agency Committee Party Campaign Council Commission Court House Bank Fund",
    "Association Union Institute University Foundation Group Inc. Corp. Co. Company Times Post News Network",
    "Administration Government Army Forces Force Police Service Bureau Board Center Centre Organization",
    "Organisation Coalition Alliance Nations Senate Congress Parliament Kremlin Pentagon Journal",
    "Project Trust Society Federation Authority Corporation Ltd. LLC Club Team Staff Press Media Watch",
    "Radio Television TV Magazine Review Inquirer Tribune Herald Guardian Telegraph Reuters AP AFP BBC CNN",
    "Fox NBC ABC CBS MSNBC NPR Twitter Facebook Statement Report Study Survey Poll Index",
    "Forum Chamber Partnership Directorate Consortium Collective Cooperative Co-operative Panel Taskforce Assembly",
    "Tribunal Inspectorate",
)
# Capitalised words that start sentences or dates and never a full name ("The", "In", "Monday").
NOT_NAME_WORDS = words(
    "The A An In On At For But And Or If When While After Before This That These Those It He She They We I",
    "His Her Their Its Our My Your Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February",
    "March April May June July August September October November December",
)
# Words that open a sentence about a figure ("Nearly 19,000 people have reached ..."): alone, never a name.
FIGURE_OPENERS = words(
    "Nearly Almost About Around Roughly Approximately Some Over Under More Fewer Less Only Just Up Most Many",
    "Several Both Each Every All Another Other",
)

MALE_WORDS = words(
    "mr. mr sir lord king prince father brother son husband uncle nephew grandfather grandson boy man",
    "spokesman chairman congressman businessman councilman assemblyman anchorman actor widower gentleman",
    "monsieur herr señor sheikh imam pope rabbi emir dad",
)
FEMALE_WORDS = words(
    "mrs. mrs ms. ms miss madam madame dame lady queen princess mother sister daughter wife aunt niece",
    "grandmother granddaughter girl woman spokeswoman chairwoman congresswoman businesswoman councilwoman",
    "assemblywoman anchorwoman actress widow mom mum señora frau",
)
# Common first names whose gender is rarely in doubt: a cue when no title or pronoun says it. Names used for
# both (Kelly, Jordan, Lindsey) are left out.
MALE_FIRST_NAMES = words(
    "John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew",
    "Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Edward Ronald Timothy Jason",
    "Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel",
    "Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan Douglas",
    "Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin",
    "Arthur Lawrence Jesse Dylan Bryan Joe Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy",
    "Ralph Randy Eugene Vincent Russell Louis Philip Bobby Johnny Bradley Barack Bernie Bill Mike Ted Jeb",
    "Marco Rand Chris Tim Mitch Newt Rudy Vladimir Sergei Sergey Ahmed Mohammed Muhammad Ali Omar Hassan",
    "Bashar Recep Emmanuel François Boris Nigel Tony Gordon Hans Jim Tom Dick Harry Steve Dan Ben Sam Ken",
    "Barry Ron Don Al Hugh Ian Neil Craig Stuart Martin Kurt Reince Corey Mitt",
)
FEMALE_FIRST_NAMES = words(
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret",
    "Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca",
    "Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha",
    "Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce",
    "Victoria Olivia Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline",
    "Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise",
    "Amber Marilyn Beverly Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose",
    "Alexis Kayla Hillary Chelsea Melania Ivanka Kellyanne Marine Condoleezza Madeleine Claire Tammy",
    "Kirsten Dianne Susana Nikki Carly Michele Huma Debbie Loretta Valerie Jill Jane Kate Katie Sally Sue",
    "Meg Liz Beth Ellen Irene Lynn Lucy Eva Clara Monica Sonia Sylvia Yvonne Wendy Tina Paula",
)

# Words that make a stretch a clause, never a speaker phrase ("Kerry hoped that officials", "Kerry met
# Lavrov").
CLAUSE_WORDS = words(
    "that which who whom whose when where while if because although though since unless until whether as",
    "is are was were be been being am has have had do does did will would shall should can could may might",
    "must not no nor than then so but or yet there here what how why",
    # irregular past tenses and common present forms that would otherwise pass for words of a name
    "met went took gave made got came saw found left held led won lost ran began brought thought kept sent",
    "spent built felt paid put set hit cut let sat stood knew grew drew threw chose broke spoke wore fell",
    "rose",
    "became fought caught taught sought bought meant heard understood wants want hopes hope thinks think",
    "believes believe knows know feels feel sees see goes go gets get makes make takes take",
)
# Short lowercase words allowed inside a speaker phrase: "a spokeswoman for the ministry", "Ivan de la Cruz".
PHRASE_LINKS = words("of for at in on to the a an and & de da del della di du van von der den bin al la le y")
NAME_PARTICLES = words("de da del della di du van von der den bin ibn al la le y st. st")
PREPOSITIONS = words(
    "in on at for with from by after before during under over about against among between into through",
    "without within despite amid of to like unlike per via",
)
DETERMINERS = words(
    "the a an one another some many several most two three four five his her their its our my your this that",
    "these those both each every other few no all",
)
# Adverbs and auxiliaries between a speaker and the verb ("Kerry also said", "she has repeatedly warned").
SPEAKER_VERB_FILLERS = words(
    "also later then once previously recently repeatedly often always never already just further simply",
    "again has have had would will could did does do long even quickly finally first initially still",
    "subsequently separately privately publicly openly flatly bluntly",
)
# Words opening a sentence before its subject ("But Kerry said", "Still, officials say").
LEADING_CONNECTIVES = words(
    "but and so yet still however meanwhile now then instead also later earlier here there finally again",
    "indeed too thus hence moreover furthermore besides nonetheless nevertheless afterwards afterward",
)
# Words opening a phrase that comes before a sentence's subject ("During a speech,", "Speaking to
# reporters,").
OPENING_WORDS = PREPOSITIONS | words("when while as since once speaking asked following")
TIME_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight earlier later",
    "morning afternoon evening night week month year weekend january february march april may june july",
    "august september october november december",
)
# Participles that are common adjectives in a speaker's description ("a retired general", "the ranking
# Democrat").
PARTICIPLE_ADJECTIVES = words(
    "retired elected appointed unnamed embattled indicted alleged acclaimed disgraced defeated detained",
    "jailed",
    "exiled ousted married widowed renowned respected unidentified armed masked concerned frustrated worried",
    "informed self-described self-proclaimed so-called named designated returning ranking acting managing",
    "leading outgoing incoming founding governing ruling presiding visiting striking remaining united",
    "supporting opposing long-serving hard-line",
)
# Lowercase words that describe a role or an office, so they can stand in a speaker phrase without a
# determiner ("Clinton campaign spokesman Jesse Lehrich", "senior officials"). Endings cover most nouns of
# agency.
ROLE_ENDINGS = (
    "er",
    "ers",
    "or",
    "ors",
    "ist",
    "ists",
    "ian",
    "ians",
    "man",
    "men",
    "woman",
    "women",
    "person",
    "people",
    "ant",
    "ants",
    "ent",
    "ents",
    "ee",
    "ees",
    "al",
    "als",
    "ive",
    "ives",
    "ic",
    "ics",
    "ate",
    "ates",
)
ROLE_NOUNS = words(
    "aide aides staff chief chiefs head heads source sources official officials team office campaign group",
    "groups committee ministry department agency government administration police army military",
    "spokesperson spokespeople nominee nominees envoy envoys expert experts analyst analysts lawyer lawyers",
    "attorney attorneys adviser advisers advisor advisors judge judges panel board council statement website",
    "account family relatives colleague colleagues captain captains coach coaches secretary secretaries",
)
# Plural nouns for groups of people; capitalised at a sentence's start they are still descriptions ("Officials
# say ...", "Protesters chanted ...").
GROUP_NOUNS = words(
    "officials residents analysts experts critics protesters demonstrators witnesses police authorities",
    "sources",
    "aides diplomats lawmakers legislators activists supporters voters observers investigators prosecutors",
    "doctors rebels troops soldiers militants fighters leaders economists officers organizers organisers",
    "parents students teachers workers families relatives neighbours neighbors citizens americans",
)
OFFICE_ADJECTIVES = words(
    "top senior former deputy chief vice press state city county party campaign white house acting interim",
    "longtime veteran prominent leading local foreign defense health human rights civil military police",
    "election security intelligence justice labor trade energy finance budget communications",
)
