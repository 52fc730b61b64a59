/// Small programs learners reach for besides the core set: whoami, id, uname, tee, seq,
/// basename, dirname, chmod, chown, chgrp, date.
enum ExtraPrograms {
    static let all: [(String, any SimulatedProgram)] = [
        ("whoami", ClosureProgram { p, _ in p.write("root\n"); return 0 }),
        ("id", ClosureProgram(id)),
        ("uname", ClosureProgram(uname)),
        ("tee", ClosureProgram(tee)),
        ("seq", ClosureProgram(seq)),
        ("basename", ClosureProgram(basename)),
        ("dirname", ClosureProgram(dirname)),
        ("chmod", ClosureProgram(chmod)),
        ("chown", ClosureProgram(chown)),
        ("chgrp", ClosureProgram(chown)),
        ("date", ClosureProgram(date)),
    ]

    static func uname(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "asnrvmpio", long: ["all": "a"])
        if o.reportInvalid("uname", p) { return 1 }
        let fields: [(Character, String)] = [("s", "Linux"), ("n", lab.machine.hostname), ("r", "6.1.0-lab"),
                                             ("v", "#1 SMP Debian 6.1.0"), ("m", "x86_64"), ("o", "GNU/Linux")]
        var picked = fields.filter { o.flags.contains($0.0) || o.flags.contains("a") }.map(\.1)
        if picked.isEmpty { picked = ["Linux"] }
        p.write(picked.joined(separator: " ") + "\n")
        return 0
    }

    static func tee(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let o = CommandOptions(p.arguments.dropFirst(), flags: "ai", long: ["append": "a"])
        if o.reportInvalid("tee", p) { return 1 }
        let text = p.stdin
        p.write(text)
        var status: Int32 = 0
        for name in o.operands {
            do {
                try lab.machine.files.write(text, to: p.resolve(name), append: o.flags.contains("a"))
            } catch {
                p.writeError("tee: \(name): \(error.text)\n")
                status = 1
            }
        }
        return status
    }

    static func seq(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let args = Array(p.arguments.dropFirst())
        guard !args.isEmpty else { p.missingOperand("seq"); return 1 }
        var numbers: [Int] = []
        for a in args {
            guard let n = Int(a) else {
                p.writeError("seq: invalid floating point argument: '\(a)'\nTry 'seq --help' for more information.\n")
                return 1
            }
            numbers.append(n)
        }
        let (first, step, last): (Int, Int, Int)
        switch numbers.count {
        case 1: (first, step, last) = (1, 1, numbers[0])
        case 2: (first, step, last) = (numbers[0], 1, numbers[1])
        default: (first, step, last) = (numbers[0], numbers[1], numbers[2])
        }
        guard step != 0 else {
            p.writeError("seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n")
            return 1
        }
        var out = ""
        var i = first
        var count = 0
        while (step > 0 ? i <= last : i >= last) && count < 1_000_000 {
            out += String(i) + "\n"
            i += step
            count += 1
        }
        p.write(out)
        return 0
    }

    static func basename(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let args = Array(p.arguments.dropFirst())
        guard let path = args.first else { p.missingOperand("basename"); return 1 }
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        var base = trimmed == "/" ? "/" : String(trimmed.split(separator: "/").last ?? "")
        if args.count > 1, base.hasSuffix(args[1]), base != args[1] { base = String(base.dropLast(args[1].count)) }
        p.write(base + "\n")
        return 0
    }

    static func dirname(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        guard let path = p.arguments.dropFirst().first else { p.missingOperand("dirname"); return 1 }
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { p.write(".\n"); return 0 }
        var dir = trimmed[..<slash]
        while dir.count > 1 && dir.hasSuffix("/") { dir = dir.dropLast() }
        p.write((dir.isEmpty ? "/" : String(dir)) + "\n")
        return 0
    }

    static func chmod(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let operands = p.arguments.dropFirst().filter { $0 != "-R" }
        guard operands.count >= 2 else { p.missingOperand("chmod"); return 1 }
        var status: Int32 = 0
        for name in operands.dropFirst() {
            guard lab.machine.files.node(at: p.resolve(name)) != nil else {
                p.writeError("chmod: cannot access '\(name)': No such file or directory\n")
                status = 1
                continue
            }
            markChanged(p.resolve(name), recursive: p.arguments.contains("-R"), &lab)
        }
        return status
    }

    /// In a container, a file whose owner or mode changed goes into the container's layer whole.
    static func markChanged(_ path: String, recursive: Bool, _ lab: inout Lab) {
        if lab.machine.containerID != nil { lab.machine.files.markMetadataChanged(path, recursive: recursive) }
    }

    /// `id`, `id -u`, `id -g`: root, or in a container the numeric user its image's USER or
    /// `docker run -u` gives (a name other than root counts as 1000), in group root.
    static func id(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let args = p.arguments.dropFirst()
        // Inside a container, a non-root user is resolved as runc does (ContainerUser) and printed
        // as busybox's id prints it: a name in parentheses only when the files have one, and
        // " groups=" only when the process has supplementary groups (busybox coreutils/id.c).
        if let spec = lab.machine.processUser, !["root", "0", "0:0", "root:root"].contains(spec),
           let user = ContainerUser.resolve(spec, files: lab.machine.files) {
            let names = args.contains("-n") || args.contains("-un") || args.contains("-gn") || args.contains("-nu") || args.contains("-ng")
            func shown(_ id: Int, _ name: String?) -> String { names ? name ?? String(id) : String(id) }
            if args.contains(where: { $0.hasPrefix("-") && $0.contains("u") }) { p.write(shown(user.uid, user.userName) + "\n"); return 0 }
            if args.contains(where: { $0.hasPrefix("-") && $0.contains("g") }) { p.write(shown(user.gid, user.groupName) + "\n"); return 0 }
            func named(_ id: Int, _ name: String?) -> String { name.map { "\(id)(\($0))" } ?? String(id) }
            var line = "uid=" + named(user.uid, user.userName) + " gid=" + named(user.gid, user.groupName)
            if !user.groups.isEmpty {
                line += " groups=" + user.groups.map { named($0, user.name(ofGroup: $0, files: lab.machine.files)) }.joined(separator: ",")
            }
            p.write(line + "\n")
            return 0
        }
        // A user name the container's files lack (the lab has no adduser; runc would refuse to
        // start) keeps the lab's stand-in, uid 1000.
        let unknown = lab.machine.processUser.map { !["root", "0", "0:0", "root:root"].contains($0) } ?? false
        if args.contains("-u") { p.write(unknown ? "1000\n" : "0\n"); return 0 }
        if args.contains("-g") { p.write("0\n"); return 0 }
        p.write(unknown ? "uid=1000 gid=0(root) groups=0(root)\n" : "uid=0(root) gid=0(root) groups=0(root)\n")
        return 0
    }

    /// `chown [-R] OWNER[:GROUP] FILE…` and `chgrp`: the lab keeps no owners, so only the
    /// files' existence is checked (GNU's wording), and in a container that they changed.
    static func chown(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let operands = p.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        guard operands.count >= 2 else { p.missingOperand(p.name); return 1 }
        var status: Int32 = 0
        for name in operands.dropFirst() {
            guard lab.machine.files.node(at: p.resolve(name)) != nil else {
                p.writeError("\(p.name): cannot access '\(name)': No such file or directory\n")
                status = 1
                continue
            }
            markChanged(p.resolve(name), recursive: p.arguments.dropFirst().contains { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("R") }, &lab)
        }
        return status
    }

    /// Calendar fields of a Unix time in UTC.
    struct CivilTime {
        let year, month, day, hour, minute, second, weekday, yearDay: Int

        init(_ time: Int) {
            var days = time / 86400
            let rest = time % 86400
            weekday = (days + 4) % 7
            var y = 1970
            func leap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
            while days >= (leap(y) ? 366 : 365) { days -= leap(y) ? 366 : 365; y += 1 }
            yearDay = days + 1
            let lengths = [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            var m = 0
            while days >= lengths[m] { days -= lengths[m]; m += 1 }
            year = y; month = m + 1; day = days + 1
            hour = rest / 3600; minute = rest % 3600 / 60; second = rest % 60
        }
    }

    static func date(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var time = Int(min(max(lab.clock.now, 0), 253_402_300_000))
        var format = "%a %b %e %H:%M:%S %Z %Y"
        var args = p.arguments.dropFirst()[...]
        while let a = args.popFirst() {
            if a == "-u" || a == "--utc" { continue }
            if a == "-d" || a.hasPrefix("--date=") {
                let value = a == "-d" ? (args.popFirst() ?? "") : String(a.dropFirst(7))
                guard value.hasPrefix("@"), let t = Int(value.dropFirst()), t >= 0, t < 253_402_300_800 else {
                    p.writeError("date: invalid date '\(value)'\n")
                    return 1
                }
                time = t
            } else if a.hasPrefix("+") {
                format = String(a.dropFirst())
            } else {
                p.writeError("date: invalid date '\(a)'\n")
                return 1
            }
        }
        let c = CivilTime(time)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let two: (Int) -> String = { $0 < 10 ? "0\($0)" : "\($0)" }
        var out = ""
        var chars = format.makeIterator()
        while let ch = chars.next() {
            guard ch == "%", let f = chars.next() else { out.append(ch); continue }
            switch f {
            case "Y": out += String(c.year)
            case "m": out += two(c.month)
            case "d": out += two(c.day)
            case "e": out += (c.day < 10 ? " " : "") + String(c.day)
            case "H": out += two(c.hour)
            case "M": out += two(c.minute)
            case "S": out += two(c.second)
            case "s": out += String(time)
            case "a": out += days[c.weekday]
            case "b", "h": out += months[c.month - 1]
            case "Z": out += "UTC"
            case "z": out += "+0000"
            case "T": out += "\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
            case "F": out += "\(c.year)-\(two(c.month))-\(two(c.day))"
            case "j": out += String(repeating: "0", count: 3 - String(c.yearDay).count) + String(c.yearDay)
            case "n": out += "\n"
            case "%": out += "%"
            default: out += "%" + String(f)
            }
        }
        p.write(out + "\n")
        return 0
    }
}
