/// The session history a served lab leaves, so `lab check`, `lab export` and the grader see what
/// the client did: each request that changes something is written as the docker command line
/// that does the same in `lab sh` (`docker stop web`, `docker network create appnet`…). A create
/// waits for what follows: started next (by the same client, as `docker run` does) it becomes
/// one `docker run -d …` line (`docker run …` when a client attached first); otherwise it stays
/// `docker create …`. Requests that only read (lists, inspect, logs) are not written, except
/// `docker logs`, which assignments may check for.
struct APIHistory: Sendable {
    /// A created container not yet started or followed by anything else.
    var pending: (id: String, arguments: [String], attached: Bool)?

    /// The lines one request adds, in order.
    mutating func take(_ c: EngineAPI.Context) -> [String] {
        var lines: [String] = []
        if let id = c.attached, pending?.id == id { pending?.attached = true }
        if let created = c.created {
            lines += flush()
            pending = (created.id, created.arguments, false)
            return lines
        }
        if let started = c.started, let p = pending, p.id == started.id {
            pending = nil
            return [Self.line(["docker", "run"] + (p.attached || started.attached ? [] : ["-d"]) + p.arguments)]
        }
        guard !c.commands.isEmpty else { return [] }
        return flush() + c.commands
    }

    /// The held-back create, as its own line.
    mutating func flush() -> [String] {
        guard let p = pending else { return [] }
        pending = nil
        return [Self.line(["docker", "create"] + p.arguments)]
    }

    /// Words joined as a shell line, each quoted when the shell would split or expand it.
    static func line(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }

    static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { s in
            (s.value < 128 && (s.properties.isAlphabetic || ("0"..."9").contains(Character(s)))) || "-_./:=,@%+".unicodeScalars.contains(s)
        }
        if plain { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
