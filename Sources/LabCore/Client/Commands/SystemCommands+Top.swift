/// `docker top CONTAINER [ps OPTIONS]` (docker/cli cli/command/container/top.go v28.2.2, moby
/// daemon/top_unix.go Engine 20.10): the daemon runs the host's procps `ps` with the options
/// (`-ef` when none) and keeps the lines of the container's processes; the client prints the
/// titles and rows through a tabwriter (min width 20, padding 3).
///
/// The lab plays `ps` for the formats learners use: the default, `-f`, `-F`, `-l`, `-j`, `-e`/`-A`,
/// `-o`/`-eo` lists (with `kw=TITLE`), BSD `aux`/`u`/`x`, and procps' errors for an unknown SysV
/// option, an unknown BSD option, a bad -o keyword and a missing -o list. The daemon's own
/// parsing is reproduced: it splits ps's lines on blanks, so a value with spaces (args) spills
/// into the next columns, and the last column takes the rest.
enum ProcessTable {
    /// A ps output column: its default title and how each process fills it.
    struct Column {
        var title: String
        var value: (ContainerProcess, Double) -> String
        /// procps cuts a value to this width unless its column is the last (WCHAN: 6).
        var width: Int? = nil
    }

    static func top(_ i: DockerInvocation, engine: DockerEngine, now: Double) -> CommandOutput? {
        let table: (titles: [String], rows: [[String]])
        switch self.table(i.arguments[0], psArgs: i.arguments.dropFirst().joined(separator: " "), engine: engine, now: now) {
        case nil: return nil
        case .failure(let error)?: return CommandOutput.daemonError(error)
        case .success(let t)?: table = t
        }
        var text = table.titles.joined(separator: "\t") + "\n"
        for row in table.rows { text += row.joined(separator: "\t") + "\n" }
        return CommandOutput(stdout: TabWriter(minWidth: 20, padding: 3).format(text))
    }

    /// What the daemon answers `GET /containers/{id}/top?ps_args=…` with: the titles and rows of
    /// the container's processes, its error, or nil for a ps format the lab does not play.
    static func table(_ reference: String, psArgs: String, engine: DockerEngine, now: Double)
        -> Result<(titles: [String], rows: [[String]]), EngineError>? {
        let c: Int
        do { c = try engine.containerIndex(reference) } catch { return .failure(error) }
        let container = engine.containers[c]
        guard container.state.running else { return .failure(.notRunning(id: container.id)) }
        if container.state.status == "restarting" {
            return .failure(.other("Container \(container.id) is restarting, wait until the container is running", status: 409))
        }
        let psArgs = psArgs.isEmpty ? "-ef" : psArgs
        let columns: [Column]
        switch format(psArgs.split(separator: " ", omittingEmptySubsequences: false).map(String.init)) {
        case .columns(let list): columns = list
        case .error(let message): return .failure(.other("ps: \(message)", status: 500))
        case .unsupported: return nil
        }
        let processes = ContainerProcess.list(container, now: now)
        let output = ([columns.map(\.title).joined(separator: " ")]
            + processes.map { p in
                columns.enumerated().map { k, col in
                    let v = col.value(p, now)
                    guard let w = col.width, k < columns.count - 1 else { return v }
                    return String(v.prefix(w))
                }.joined(separator: " ")
            }).joined(separator: "\n") + "\n"
        guard let table = parse(output, pids: Set(processes.map(\.pid))) else {
            return .failure(.other("Couldn't find PID field in ps output", status: 500))
        }
        return .success(table)
    }

    /// The daemon's parsePSOutput: titles from the first line, the PID column found by title,
    /// each line of a container process split on blanks with the overhanging fields joined.
    static func parse(_ output: String, pids: Set<Int>) -> (titles: [String], rows: [[String]])? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let titles = fields(lines.first ?? "")
        guard let pidIndex = titles.firstIndex(of: "PID") else { return nil }
        var rows: [[String]] = []
        for line in lines.dropFirst() where !line.isEmpty {
            let f = fields(line)
            guard pidIndex < f.count, let pid = Int(f[pidIndex]), pids.contains(pid) else { continue }
            var row = Array(f.prefix(titles.count - 1))
            row.append(f.dropFirst(titles.count - 1).joined(separator: " "))
            rows.append(row)
        }
        return (titles, rows)
    }

    static func fields(_ line: Substring) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{0C}" }).map(String.init)
    }

    /// What ps makes of its options: columns to print, its error, or a format the lab does not play.
    enum Format {
        case columns([Column])
        case error(String)
        case unsupported
    }

    /// Which columns procps prints for these options.
    static func format(_ args: [String]) -> Format {
        var userColumns: [Column] = []
        var full = false, extraFull = false, long = false, jobs = false, bsd = false, bsdUser = false
        var k = 0
        while k < args.count {
            var arg = args[k]
            k += 1
            if arg.isEmpty { continue }
            if arg == "-aux" { arg = "aux" }
            if arg.hasPrefix("--") {
                // --forest draws the host's process tree (the daemon retries ps without its pid
                // list): not played; other long options neither.
                return .unsupported
            }
            if arg.hasPrefix("-") {
                var letters = Array(arg.dropFirst())
                while !letters.isEmpty {
                    let ch = letters.removeFirst()
                    switch ch {
                    case "e", "A", "a", "d", "N", "H", "w", "y", "x": break
                    case "f": full = true
                    case "F": extraFull = true
                    case "l": long = true
                    case "j": jobs = true
                    case "o":
                        var list = String(letters)
                        letters = []
                        if list.isEmpty {
                            guard k < args.count else { return .error("error: format specification must follow -o") }
                            list = args[k]
                            k += 1
                        }
                        switch keywords(list) {
                        case .columns(let more): userColumns += more
                        case let other: return other
                        }
                    case "q", "p", "C", "G", "g", "s", "t", "U", "u": return .unsupported
                    case "X", "M", "Z", "L", "m", "T", "c", "P", "V": return .unsupported
                    default: return .error("error: unsupported SysV option")
                    }
                }
                continue
            }
            for ch in arg {
                switch ch {
                case "a", "x", "e", "w", "h", "r", "c", "n", "S", "H": bsd = true
                case "f": return .unsupported  // the forest
                case "u": bsd = true; bsdUser = true
                case "p", "q", "t", "U": return .error("error: process ID list syntax error")
                case "j", "l", "s", "v", "m", "o", "O", "X", "Z", "L", "T", "k", "V": return .unsupported
                default: return .error("error: unsupported option (BSD syntax)")
                }
            }
        }
        if !userColumns.isEmpty { return .columns(userColumns) }
        if bsdUser { return .columns(["user", "pid", "%cpu", "%mem", "vsz", "rss", "tname", "stat", "start_time", "bsdtime", "args"].map(column)) }
        if long { return .columns(["f", "s", "uid", "pid", "ppid", "c", "lpri", "ni", "addr", "sz", "wchan", "tname", "time", "comm"].map(column).titled(13, "CMD")) }
        if extraFull { return .columns(["user", "pid", "ppid", "c", "sz", "rss", "psr", "stime", "tname", "time", "cmd"].map(column).titled(0, "UID")) }
        if full { return .columns(["user", "pid", "ppid", "c", "stime", "tname", "time", "cmd"].map(column).titled(0, "UID")) }
        if jobs { return .columns(["pid", "pgid", "sid", "tname", "time", "comm"].map(column).titled(5, "CMD")) }
        if bsd { return .columns(["pid", "tname", "stat", "bsdtime", "args"].map(column)) }
        return .columns(["pid", "tname", "time", "comm"].map(column).titled(3, "CMD"))
    }

    /// A -o list: keywords separated by commas (or blanks), each optionally `kw=TITLE`.
    static func keywords(_ list: String) -> Format {
        var out: [Column] = []
        for item in list.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            guard known.contains(key) else { return .error("error: unknown user-defined format specifier \"\(key)\"") }
            var col = column(key)
            if parts.count > 1 { col.title = String(parts[1]) }
            out.append(col)
        }
        return .columns(out)
    }

    static let known: Set<String> = [
        "pid", "ppid", "pgid", "sid", "user", "ruser", "euser", "group", "uid", "gid", "comm", "args", "cmd", "command",
        "etime", "etimes", "time", "cputime", "stat", "s", "state", "rss", "vsz", "sz", "pcpu", "%cpu", "pmem", "%mem", "tty",
        "tt", "tname", "lstart", "start", "stime", "start_time", "c", "nlwp", "pri", "ni", "nice", "psr", "f", "wchan", "label",
        "lwp", "thcount", "addr", "bsdtime",
    ]

    /// procps' title and value for a keyword (as the oracle's ps printed them for the stand-ins).
    static func column(_ key: String) -> Column {
        func c(_ title: String, _ value: @escaping (ContainerProcess, Double) -> String) -> Column { Column(title: title, value: value) }
        switch key {
        case "pid": return c("PID") { p, _ in "\(p.pid)" }
        case "lwp": return c("LWP") { p, _ in "\(p.pid)" }
        case "ppid": return c("PPID") { p, _ in "\(p.ppid)" }
        case "pgid": return c("PGID") { p, _ in "\(p.ppid == p.pid - 21 ? p.pid : p.ppid)" }
        case "sid": return c("SID") { p, _ in "\(p.ppid == p.pid - 21 ? p.pid : p.ppid)" }
        case "user", "ruser", "euser", "group": return c(key == "group" ? "GROUP" : key.uppercased()) { _, _ in "root" }
        case "uid", "gid": return c(key.uppercased()) { _, _ in "0" }
        case "comm": return c("COMMAND") { p, _ in p.comm }
        case "args", "command": return c("COMMAND") { p, _ in p.args.joined(separator: " ") }
        case "cmd": return c("CMD") { p, _ in p.args.joined(separator: " ") }
        case "etime": return c("ELAPSED") { p, now in elapsed(now - p.start) }
        case "etimes": return c("ELAPSED") { p, now in "\(Int(now - p.start))" }
        case "time", "cputime": return c("TIME") { _, _ in "00:00:00" }
        case "bsdtime": return c("TIME") { _, _ in "0:00" }
        case "stat": return c("STAT") { p, _ in p.stat }
        case "s", "state": return c("S") { _, _ in "S" }
        case "rss": return c("RSS") { p, _ in "\(p.rss)" }
        case "vsz": return c("VSZ") { p, _ in "\(p.vsz)" }
        case "sz": return c("SZ") { p, _ in "\(p.vsz / 4)" }
        case "pcpu", "%cpu": return c("%CPU") { _, _ in "0.0" }
        case "pmem", "%mem": return c("%MEM") { _, _ in "0.0" }
        case "tty", "tt": return c("TT") { _, _ in "?" }
        case "tname": return c("TTY") { _, _ in "?" }
        case "lstart": return c("STARTED") { p, _ in longStart(p.start) }
        case "start": return c("STARTED") { p, now in clockStart(p.start, now: now) }
        case "stime": return c("STIME") { p, now in shortStart(p.start, now: now) }
        case "start_time": return c("START") { p, now in shortStart(p.start, now: now) }
        case "c": return c("C") { _, _ in "0" }
        case "nlwp", "thcount": return c(key == "nlwp" ? "NLWP" : "THCNT") { _, _ in "1" }
        case "pri": return c("PRI") { _, _ in "19" }
        case "lpri": return c("PRI") { _, _ in "80" }
        case "ni", "nice": return c("NI") { _, _ in "0" }
        case "psr": return c("PSR") { _, _ in "1" }
        case "f": return c("F") { p, _ in "\(p.flags)" }
        case "wchan": return Column(title: "WCHAN", value: { p, _ in p.wchan }, width: 6)
        case "label", "addr": return c(key == "label" ? "LABEL" : "ADDR") { _, _ in "-" }
        default: return c(key.uppercased()) { _, _ in "-" }
        }
    }

    /// ps's etime: [[DD-]hh:]mm:ss.
    static func elapsed(_ seconds: Double) -> String {
        let s = max(0, Int(seconds))
        let days = s / 86_400, hours = s / 3600 % 24, minutes = s / 60 % 60, secs = s % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = two(minutes) + ":" + two(secs)
        if days > 0 { text = "\(days)-" + two(hours) + ":" + text } else if hours > 0 { text = two(hours) + ":" + text }
        return text
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// (year, month, day, hour, minute, second, days since 1970) of a simulated time (UTC).
    static func parts(_ t: Double) -> (Int, Int, Int, Int, Int, Int, Int) {
        let secs = Int(t.rounded(.down))
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let rem = secs - days * 86_400
        let (y, m, d) = DockerTime.civilDate(days: Int64(days))
        return (Int(y), Int(m), Int(d), rem / 3600, rem / 60 % 60, rem % 60, days)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// STIME and START: hh:mm the same day, MmmDD the same year, else the year.
    static func shortStart(_ t: Double, now: Double) -> String {
        let a = parts(t), b = parts(now)
        if a.6 == b.6 { return two(a.3) + ":" + two(a.4) }
        if a.0 == b.0 { return months[a.1 - 1] + two(a.2) }
        return "\(a.0)"
    }

    /// `start`: hh:mm:ss within a day, else "Mmm DD".
    static func clockStart(_ t: Double, now: Double) -> String {
        let a = parts(t)
        if now - t < 86_400 { return two(a.3) + ":" + two(a.4) + ":" + two(a.5) }
        return months[a.1 - 1] + " " + two(a.2)
    }

    /// `lstart`: "Tue Nov 24 06:05:56 2026".
    static func longStart(_ t: Double) -> String {
        let a = parts(t)
        let day = a.2 < 10 ? " \(a.2)" : "\(a.2)"
        return weekdays[((a.6 % 7) + 7) % 7] + " " + months[a.1 - 1] + " " + day + " " + two(a.3) + ":" + two(a.4) + ":" + two(a.5) + " \(a.0)"
    }
}

extension Array where Element == ProcessTable.Column {
    /// The same columns with one title changed (ps titles `user` UID in -f, `comm` CMD by default).
    func titled(_ index: Int, _ title: String) -> [ProcessTable.Column] {
        var copy = self
        copy[index].title = title
        return copy
    }
}
