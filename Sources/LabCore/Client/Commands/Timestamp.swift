/// Simulated times in the fixed-width form docker uses for log and event timestamps
/// (RFC 3339 with all nine digits of nanoseconds; inspect documents use DockerTime's trimmed form).
enum Timestamp {
    /// RFC 3339 with nanoseconds, UTC ("2024-01-01T00:00:05.000000000Z").
    static func rfc3339Nano(_ t: Double) -> String {
        let seconds = Int(t.rounded(.down))
        let nanos = Int(((t - Double(seconds)) * 1e9).rounded())
        let days = seconds / 86_400
        let rem = seconds % 86_400
        let (y, m, d) = civil(days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var frac = String(nanos)
        frac = String(repeating: "0", count: 9 - frac.count) + frac
        return "\(y)-\(two(m))-\(two(d))T\(two(rem / 3600)):\(two(rem % 3600 / 60)):\(two(rem % 60)).\(frac)Z"
    }

    /// Days since 1970-01-01 as a civil date (Howard Hinnant's algorithm).
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
