/// Names for containers started without --name, in docker's form `adjective_surname` (moby's
/// pkg/namesgenerator gives the form; these word lists are the lab's own: adjectives of
/// temperament and surnames of people who shaped computing and science).
enum NameGenerator {
    static let adjectives = [
        "agile", "amazing", "bold", "brave", "calm", "careful", "cheerful", "clever", "cool", "curious",
        "daring", "eager", "earnest", "elegant", "fearless", "focused", "friendly", "gallant", "gentle", "happy",
        "hopeful", "humble", "jolly", "keen", "kind", "lively", "loyal", "lucid", "merry", "modest",
        "nimble", "noble", "patient", "peaceful", "placid", "plucky", "polite", "proud", "quiet", "quirky",
        "relaxed", "serene", "sharp", "sleepy", "steady", "sunny", "tender", "thoughtful", "upbeat", "vibrant",
        "vigilant", "warm", "wise", "witty", "zealous",
    ]
    static let surnames = [
        "babbage", "backus", "bartik", "berners", "boole", "borg", "cerf", "clarke", "codd", "conway",
        "curie", "dijkstra", "easley", "euler", "fermat", "franklin", "gauss", "goldberg", "hamilton", "hopper",
        "johnson", "kahn", "knuth", "lamport", "liskov", "lovelace", "mccarthy", "meitner", "minsky", "neumann",
        "noether", "pascal", "perlman", "ritchie", "shannon", "sammet", "thompson", "torvalds", "turing", "wilkes",
        "wing", "wirth", "yonath", "zuse",
    ]

    static func name(ids: inout IDSource, retry: Int) -> String {
        let a = adjectives[Int(ids.next() % UInt64(adjectives.count))]
        let s = surnames[Int(ids.next() % UInt64(surnames.count))]
        return retry > 0 ? "\(a)_\(s)\(ids.next() % 10)" : "\(a)_\(s)"
    }
}
