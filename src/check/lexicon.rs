//! Word lists the rules use: what counts as a figure, a weak opening or a verb in a bullet, an
//! informal e-mail address, and the stop-words, generic words and duty verbs of job ads.
//!
//! Lists are compared in lower case unless their comment says "folded" (see `text::fold`).

// ---- E-mail addresses (contact.rs) ----

/// Words that make an e-mail address look informal, compared with the parts of its local part
/// (split at `.`, `_`, `-`, `+` and digits).
#[rustfmt::skip]
pub(super) const INFORMAL_PARTS: &[&str] = &[
    "sexy", "hot", "hottie", "babe", "baby", "babygirl", "cute", "cutie", "princess", "cool",
    "kitty", "lover", "party", "crazy", "gamer", "ninja", "rockstar", "killer", "devil", "dude",
    "honey", "sweetie", "xoxo", "lol", "lmao", "bunny", "chick", "stud", "pimp", "swag", "yolo",
    "drunk", "beer", "weed", "diva", "cupcake", "bae", "naughty", "lazy", "fluffy", "muffin",
    "bigboy", "unicorn", "pirate", "mama", "papa",
];

/// Informal words long or unusual enough to recognise inside a longer part (`cutiepie99`).
#[rustfmt::skip]
pub(super) const INFORMAL_INSIDE: &[&str] = &[
    "sexy", "hottie", "babygirl", "princess", "xoxo", "cupcake", "sweetie", "rockstar", "ninja",
    "gamer", "naughty", "partyboy", "partygirl",
];

/// Numbers that read as jokes in an address.
#[rustfmt::skip]
pub(super) const INFORMAL_NUMBERS: &[&str] = &[
    "69", "420", "666", "1337",
];

// ---- Bullets (bullets.rs) ----

/// Words that state an amount.
#[rustfmt::skip]
pub(super) const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
    "dozen", "dozens", "half", "twice", "double", "doubled", "doubling", "tripled", "quadrupled",
    "halved", "percent", "per cent",
];

/// Openings that describe duties instead of results.
#[rustfmt::skip]
pub(super) const WEAK_OPENINGS: &[&str] = &[
    "responsible for", "responsibilities included", "responsibilities include", "duties included",
    "duties include", "duties were", "worked on", "worked with", "helped with", "helped to",
    "helped", "assisted with", "assisted in", "involved in", "was involved", "tasked with",
    "in charge of", "participated in", "took part in", "handled various", "did", "was", "were",
    "i was", "i am", "i",
];

/// First words that cannot be a verb: articles, pronouns, prepositions, conjunctions.
#[rustfmt::skip]
pub(super) const NON_VERB_OPENERS: &[&str] = &[
    "a", "an", "the", "my", "our", "his", "her", "their", "its", "this", "that", "these", "those",
    "we", "he", "she", "they", "it", "there", "also", "and", "or", "but", "with", "for", "of", "in",
    "on", "at", "by", "from", "as", "each", "every", "all", "some", "many", "various", "numerous",
    "several", "multiple", "over", "more", "most", "key", "main", "successful", "member", "part",
    "team", "daily", "weekly", "monthly", "responsibilities", "duties", "experience", "knowledge",
];

/// Irregular past tenses and common short action verbs (base form).
#[rustfmt::skip]
pub(super) const VERBS: &[&str] = &[
    "led", "built", "ran", "wrote", "cut", "won", "grew", "drove", "made", "set", "taught", "kept",
    "brought", "began", "chose", "found", "gave", "held", "met", "sold", "spoke", "took", "oversaw",
    "rebuilt", "rewrote", "undertook", "upheld", "broke", "caught", "sought", "dealt", "laid",
    "paid", "put", "read", "shut", "split", "spent", "stood", "struck", "swept", "wound", "spun",
    "shot", "sent", "lent", "saw", "flew", "drew", "threw", "bought", "fought", "beat", "became",
    "overhauled", "lead", "build", "run", "write", "grow", "drive", "make", "teach", "keep",
    "bring", "own", "sell", "hold", "meet", "take", "oversee", "win", "manage", "plan", "ship",
    "fix", "coach", "mentor", "train", "hire", "launch", "design", "develop", "create", "reduce",
    "raise", "improve", "increase", "deliver", "implement", "introduce", "automate", "migrate",
    "negotiate", "resolve", "handle", "process", "support", "serve", "maintain", "analyse",
    "analyze", "report", "present", "publish", "research", "test", "review", "audit", "head",
    "direct", "supervise", "coordinate", "organise", "organize", "streamline", "simplify",
    "standardise", "standardize", "establish", "expand", "scale", "optimise", "optimize",
    "refactor", "document", "partner", "collaborate", "advise", "consult", "recruit", "onboard",
    "schedule", "forecast", "budget", "save", "earn", "secure", "close", "achieve", "exceed",
    "boost", "lift", "lower", "halve", "double", "triple", "answer", "contribute", "conduct",
    "perform", "prepare", "provide", "ensure", "monitor", "track", "assess", "evaluate", "identify",
    "solve", "debug", "configure", "install", "deploy", "host", "operate", "program", "code",
    "engineer", "architect", "prototype", "translate", "edit", "produce", "facilitate", "moderate",
    "speak", "represent", "volunteer", "tutor", "instruct", "lecture", "study", "complete",
    "graduate", "settle", "enroll", "enrol", "cover", "care", "assist", "help", "work", "use",
    "apply", "adopt", "replace", "remove", "redesign", "rework", "rewrite", "revamp", "restructure",
    "modernize", "modernise", "cultivate", "foster", "champion", "spearhead", "pioneer", "initiate",
    "generate", "attract", "acquire", "retain", "convert",
];

/// Alternatives offered when an opening verb repeats.
#[rustfmt::skip]
pub(super) const SYNONYMS: &[(&str, &str)] = &[
    ("led", "directed, headed, guided, steered, ran"),
    ("managed", "ran, oversaw, directed, coordinated, owned"),
    ("developed", "built, created, designed, engineered, shaped"),
    ("improved", "raised, strengthened, streamlined, sharpened, upgraded"),
    ("created", "built, designed, launched, established, introduced"),
    ("worked", "partnered, collaborated, delivered, contributed"),
    ("built", "developed, assembled, engineered, created, set up"),
    ("implemented", "introduced, rolled out, deployed, put in place"),
    ("designed", "planned, shaped, drafted, architected, modelled"),
    ("reduced", "cut, lowered, trimmed, halved, brought down"),
    ("increased", "raised, grew, lifted, boosted, expanded"),
    ("handled", "resolved, processed, settled, owned, fielded"),
    ("supported", "assisted, enabled, backed, served, helped"),
    ("helped", "enabled, supported, contributed to, made possible"),
    ("trained", "coached, taught, mentored, onboarded, upskilled"),
    ("coached", "mentored, trained, guided, developed"),
    ("delivered", "shipped, completed, launched, provided"),
    ("responsible", "owned, led, ran, oversaw"),
    ("wrote", "authored, drafted, documented, published"),
    ("ran", "led, operated, directed, organised"),
];

// ---- Job ads (keywords.rs) ----

/// Function words: never key terms.
#[rustfmt::skip]
pub(super) const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either",
    "else", "etc", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having",
    "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "least", "less", "let", "like", "may", "me", "might", "more",
    "most", "much", "must", "my", "neither", "no", "nor", "not", "now", "of", "off", "on", "once",
    "one", "only", "or", "other", "others", "our", "ours", "out", "over", "own", "per", "plus",
    "rather", "same", "shall", "she", "should", "since", "so", "some", "such", "than", "that",
    "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through",
    "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "well",
    "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
    "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "e.g", "i.e", "eg",
    "ie", "co", "inc", "ltd", "llc", "gmbh", "corp", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "twelve", "twenty", "hundred", "thousand", "million", "billion",
    "billions", "millions", "thousands", "hundreds", "dozen", "half", "go", "get", "got", "make",
    "made", "take", "took", "give", "put", "keep", "set", "see", "come", "want", "need", "needs",
    "know", "around", "across", "along", "among", "toward", "towards", "whilst", "onto", "able",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "yearly", "monthly",
    "daily", "roughly", "approximately", "ideally", "especially", "including", "include",
    "includes", "quickly", "highly", "closely", "really", "always", "often", "sometimes", "usually",
    "lot", "lots", "something", "anything", "everything", "someone", "anyone", "everyone",
    "yourself", "ourselves", "themselves", "another", "back",
];

/// Words of job ads that are not skills: filler, praise, seniority, hiring vocabulary.
#[rustfmt::skip]
pub(super) const GENERIC_WORDS: &[&str] = &[
    "ability", "abilities", "accurate", "additional", "advantage", "apply", "applicant",
    "applicants", "approach", "asset", "background", "based", "best", "bonus", "bring", "calm",
    "candidate", "candidates", "capable", "chance", "clear", "comfortable", "committed", "company",
    "competitive", "complex", "confidence", "confident", "consider", "considered", "deep",
    "demonstrable", "demonstrated", "desire", "desired", "desirable", "different", "duties", "duty",
    "eager", "easy", "effective", "effectively", "employer", "ensure", "environment", "equivalent",
    "essential", "excellent", "exceptional", "excited", "expect", "expected", "experience",
    "experienced", "fair", "familiar", "familiarity", "fast", "focus", "focused", "full", "good",
    "great", "growing", "fast-growing", "hands", "hands-on", "high", "honest", "ideal", "important",
    "individual", "job", "join", "junior", "keen", "key", "knowledge", "large", "looking", "love",
    "manner", "matter", "meet", "minimum", "motivated", "new", "next", "nice", "ongoing",
    "opportunity", "passion", "passionate", "position", "practical", "preferred", "proficiency",
    "proficient", "proven", "quick", "ready", "record", "regular", "related", "relevant",
    "required", "requirement", "requirements", "responsibilities", "responsibility", "role",
    "roles", "seeking", "senior", "similar", "skill", "skilled", "skills", "small", "solid",
    "sound", "strong", "success", "successful", "sure", "team", "teams", "thing", "things", "track",
    "turn", "understand", "understanding", "upset", "use", "using", "value", "values", "various",
    "way", "ways", "willing", "willingness", "work", "working", "world", "hiring", "hire", "runs",
    "answer", "answers", "act", "reach", "outcome", "area", "areas", "range", "person", "people",
    "habit", "bar", "raise", "help", "plenty", "wide", "variety", "kind", "kinds", "type", "types", "part",
    "offer", "offers", "benefit", "benefits", "appropriate", "necessary", "field", "fields",
    "overall", "general", "basic", "advanced", "significant", "substantial", "full-time",
    "part-time", "grasp", "ownership", "judgement", "judgment", "pressure", "findings", "version",
    "contribution", "contributions", "language", "languages", "ideas", "idea", "reasoning", "minds",
    "mind", "data-driven", "self-starter", "detail-oriented", "attention", "detail", "details",
    "fluent", "fluency", "native", "right", "repetitive", "reliable", "analytical", "trustworthy",
    "well-maintained", "current", "short", "clean", "real", "independent", "occasional", "flexible",
    "case", "evidence", "direction", "numbers", "results", "results-driven", "believe",
];

/// Verbs of job-ad duties ("Approve refunds", "Prepare weekly reports"): dropped at the start of
/// a run, where they are instructions rather than skills (compared folded).
#[rustfmt::skip]
pub(super) const DUTY_VERBS: &[&str] = &[
    "approve", "deliver", "prepare", "suggest", "write", "tune", "improve", "operate", "share",
    "remove", "move", "cover", "own", "owns", "measure", "explain", "keep", "match", "find", "turn",
    "raise", "ensure", "maintain", "develop", "create", "drive", "manage", "handle", "respond",
    "identify", "collaborate", "communicate", "provide", "perform", "conduct", "coordinate",
    "implement", "establish", "define", "execute", "contribute", "participate", "assist", "build",
    "launch", "grow", "reduce", "increase", "enable", "empower", "deploy", "configure", "install",
    "optimize", "optimise", "run", "take", "work", "join", "act", "answer", "make", "give", "bring",
    "stay", "hold", "meet", "set", "spot", "apply", "hurt", "introduce", "push", "watch",
    "administer", "roll", "lower", "present", "connect", "plan", "resolve",
];

/// Verbs in the third person or past tense that end a run ("Acme builds inventory software",
/// "while the customer base grew").
#[rustfmt::skip]
pub(super) const FINITE_VERBS: &[&str] = &[
    "builds", "makes", "lowers", "grows", "grew", "built", "made", "owns", "keeps", "drives",
    "creates", "develops", "delivers", "helps", "gives", "brings", "takes", "ensures", "provides",
    "serves", "sells", "handles", "manages", "powers", "ships", "hurts", "raises", "reduces",
    "increases", "enables", "believes", "connects", "operates", "employs", "hires", "wants",
    "works", "loves",
];

/// `-ing` forms that name a discipline rather than a duty ("training plan", "ticketing system"):
/// never dropped as duty verbs.
#[rustfmt::skip]
pub(super) const DISCIPLINES: &[&str] = &[
    "training", "marketing", "accounting", "engineering", "planning", "scheduling", "reporting",
    "learning", "testing", "billing", "onboarding", "staffing", "forecasting", "programming",
    "networking", "consulting", "manufacturing", "budgeting", "coaching", "recruiting",
    "monitoring", "processing", "mentoring", "troubleshooting", "ticketing", "writing",
];

/// Headings (compared in lower case) of sections about the employer rather than the job.
#[rustfmt::skip]
pub(super) const SKIP_HEADING_WORDS: &[&str] = &[
    "offer", "offers", "benefit", "benefits", "perks", "compensation", "salary", "pay", "culture",
    "apply", "diversity", "inclusion", "package",
];

/// Heading phrases (lower case) of sections about the employer rather than the job.
#[rustfmt::skip]
pub(super) const SKIP_HEADING_PHRASES: &[&str] = &[
    "how we work", "who we are", "about us", "equal opportunity", "why join", "why work", "life at",
    "our story", "our values", "our mission",
];

/// Terms made with a generic word ("knowledge", "experience") that are skills all the same.
#[rustfmt::skip]
pub(super) const COMPOUNDS: &[(&str, &str)] = &[
    ("knowledge", "base"),
    ("knowledge", "management"),
    ("customer", "experience"),
    ("user", "experience"),
    ("employee", "experience"),
    ("candidate", "experience"),
    ("team", "leadership"),
    ("team", "lead"),
    ("team", "leader"),
    ("help", "centre"),
    ("help", "center"),
    ("help", "desk"),
];
