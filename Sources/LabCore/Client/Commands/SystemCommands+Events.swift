import Foundation

/// `docker events` (docker/cli cli/command/system/events.go v28.2.2, moby daemon/events Engine
/// 20.10): the engine's log between --since and --until, filtered as the daemon filters
/// (daemon/events/filter.go), printed one line an event or through --format.
///
/// The real command waits for new events until --until passes (forever without it) and replays
/// the log only when --since is given. The lab prints what the log holds; with an --until still
/// ahead it waits until then (the caller moves the clock on: nothing happens meanwhile, since the
/// learner's terminal is busy); without one it says on stderr, in a `lab:` note, that the real
/// command would go on waiting (status 0).
enum EventLog {
    /// The Go type the client executes --format against.
    static let structType = "*events.Message"

    /// The output, and the time the command waits until (an --until still ahead).
    static func output(_ i: DockerInvocation, events: [EngineEvent], now: Double) -> (CommandOutput, waitUntil: Double?) {
        var waitUntil: Double?
        let out = output(i, events: events, now: now, waitUntil: &waitUntil)
        return (out, waitUntil)
    }

    static func output(_ i: DockerInvocation, events: [EngineEvent], now: Double, waitUntil: inout Double?) -> CommandOutput {
        var template: GoTemplate?
        if let format = i.value("format"), !format.isEmpty {
            let source = format == "json" ? "{{json .}}" : format
            do {
                let t = try TemplateCache.shared.template(source)
                _ = try t.render(emptyMessage, options: options)
                template = t
            } catch {
                return CommandOutput(stderr: "Error parsing format: " + error.message + "\n", status: 64)
            }
        }
        var since: Double?, until: Double?
        for (key, slot) in [("since", 0), ("until", 1)] {
            guard let text = i.value(key), !text.isEmpty else { continue }
            guard let t = timestamp(text, now: now) else {
                return CommandOutput(stderr: "failed to parse value as time or duration: \(goQuote(text))\n", status: 1)
            }
            if slot == 0 { since = t } else { until = t }
        }
        let filters = ListFilters(i.values("filter"))
        var out = CommandOutput()
        if let since {
            for e in events where e.time >= since && (until.map { e.time <= $0 } ?? true) && include(e, filters) {
                if let template {
                    do { out.stdout += try render(e, template) + "\n" } catch {
                        out.stderr += error.message + "\n"
                        out.status = 1
                        return out
                    }
                } else {
                    out.stdout += line(e)
                }
            }
        }
        if let until {
            if until > now { waitUntil = until }
        } else {
            out.stderr += "lab: docker events would now wait for new events until you press Ctrl-C; here it stops "
                + "with the events so far (--since and --until show a stretch of the past)\n"
        }
        return out
    }

    static var options: GoTemplate.Options { GoTemplate.Options(missingKey: .structType(structType)) }

    /// The zero Message the client checks a --format against before asking the daemon.
    static let emptyMessage: JSONValue = [
        "Status": "", "ID": "", "From": "", "Type": "", "Action": "",
        "Actor": ["ID": "", "Attributes": .null], "Scope": "", "Time": 0, "TimeNano": 0,
    ]

    /// One event as the client prints it without --format: time (RFC 3339, nine fraction digits),
    /// type, action, actor id, then the attributes sorted by key in parentheses.
    static func line(_ e: EngineEvent) -> String {
        var text = DockerTime.rfc3339NanoFixed(e.time) + " " + e.type + " " + e.action + " " + e.actorID
        let attributes = e.attributes
        if !attributes.isEmpty {
            text += " (" + sortedKeys(attributes).map { $0 + "=" + (attributes[$0] ?? "") }.joined(separator: ", ") + ")"
        }
        return text + "\n"
    }

    static func sortedKeys(_ m: [String: String]) -> [String] {
        m.keys.sorted { $0.utf8Precedes($1) }
    }

    /// `{{json .}}` prints the message's JSON (its own field names); other formats read the Go fields.
    static func render(_ e: EngineEvent, _ template: GoTemplate) throws(GoTemplateError) -> String {
        if template.source.filter({ !$0.isWhitespace }) == "{{json.}}" { return json(e).compactJSON(escapeHTML: false) }
        return try template.render(goFields(e), options: options)
    }

    /// The message as the Engine API sends it: status, id and from only for containers and images.
    static func json(_ e: EngineEvent) -> JSONValue {
        var o = JSONObject()
        if e.type == "container" || e.type == "image" {
            o["status"] = .string(e.action)
            o["id"] = .string(e.actorID)
            if e.type == "container", let image = e.attribute("image") { o["from"] = .string(image) }
        }
        o["Type"] = .string(e.type)
        o["Action"] = .string(e.action)
        o["Actor"] = ["ID": .string(e.actorID), "Attributes": attributes(e)]
        o["scope"] = "local"
        let (secs, nanos) = DockerTime.split(e.time)
        o["time"] = .int(secs)
        o["timeNano"] = .int(secs * 1_000_000_000 + nanos)
        return .object(o)
    }

    static func attributes(_ e: EngineEvent) -> JSONValue {
        let attributes = e.attributes
        return .object(JSONObject(sortedKeys(attributes).map { ($0, JSONValue.string(attributes[$0] ?? "")) }))
    }

    /// The message with its Go field names, for templates.
    static func goFields(_ e: EngineEvent) -> JSONValue {
        let legacy = e.type == "container" || e.type == "image"
        let (secs, nanos) = DockerTime.split(e.time)
        return [
            "Status": .string(legacy ? e.action : ""), "ID": .string(legacy ? e.actorID : ""),
            "From": .string(e.type == "container" ? e.attribute("image") ?? "" : ""),
            "Type": .string(e.type), "Action": .string(e.action),
            "Actor": ["ID": .string(e.actorID), "Attributes": attributes(e)],
            "Scope": "local", "Time": .int(secs), "TimeNano": .int(secs * 1_000_000_000 + nanos),
        ]
    }

    /// The daemon's filter (moby daemon/events/filter.go): event and type exact (event fuzzy for
    /// exec_create, exec_start, health_status), names and ids by prefix for their own types,
    /// images by reference or repository, labels among the attributes. Unknown keys are ignored.
    static func include(_ e: EngineEvent, _ f: ListFilters) -> Bool {
        func exact(_ key: String, _ value: String) -> Bool { !f.has(key) || f[key].contains(value) }
        func fuzzy(_ key: String, _ value: String) -> Bool { !f.has(key) || f[key].contains { value.hasPrefix($0) } }
        let fuzzyEvent = f["event"].contains { ["health_status", "exec_create", "exec_start"].contains($0) }
        guard fuzzyEvent ? fuzzy("event", e.action) : exact("event", e.action) else { return false }
        guard exact("type", e.type), exact("scope", "local") else { return false }
        let name = e.attribute("name") ?? ""
        for key in ["container", "network", "volume", "daemon", "plugin", "node", "service", "secret", "config"] where f.has(key) {
            if !fuzzy(key, e.actorID) && !fuzzy(key, name) { return false }
        }
        if f.has("image") {
            let imageName = e.attribute(e.type == "image" ? "name" : "image") ?? ""
            let candidates = [e.actorID, imageName, ImageName(e.actorID).repository, ImageName(imageName).repository]
            if !candidates.contains(where: { f["image"].contains($0) }) { return false }
        }
        return f.matchLabels("label", e.attributes)
    }

    /// docker/cli's timetypes.GetTimestamp as the lab reads it: a Go duration before `now`
    /// ("10m", "1h30m"), Unix seconds ("1704067200", "1704067200.5"), or a UTC date
    /// ("2024-01-01", "2024-01-01T10:00", "2024-01-01T10:00:00Z").
    static func timestamp(_ text: String, now: Double) -> Double? {
        if let d = goDuration(text) { return now - d }
        if let seconds = Double(text), text.allSatisfy({ $0.isNumber || $0 == "." }) { return seconds }
        var date = text
        if date.hasSuffix("Z") { date.removeLast() }
        let parts = date.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let day = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard day.count == 3, let y = day[0], let m = day[1], let d = day[2], (1...12).contains(m), (1...31).contains(d) else { return nil }
        var secondsOfDay = 0.0
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard (1...3).contains(clock.count) else { return nil }
            let units = [3600.0, 60.0, 1.0]
            for (k, piece) in clock.enumerated() {
                guard let v = Double(piece) else { return nil }
                secondsOfDay += v * units[k]
            }
        }
        return Double(daysFromCivil(y, m, d)) * 86_400 + secondsOfDay
    }

    /// Go's time.ParseDuration for the units learners type (ns us ms s m h), signed.
    static func goDuration(_ text: String) -> Double? {
        var rest = Substring(text)
        var sign = 1.0
        if rest.first == "-" || rest.first == "+" {
            if rest.first == "-" { sign = -1 }
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else { return nil }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        return sign * total
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
