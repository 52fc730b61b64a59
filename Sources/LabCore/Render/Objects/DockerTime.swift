/// Go's time formats as docker prints simulated times (Double Unix seconds, UTC): RFC 3339 with
/// nanoseconds in inspect documents, `time.Time.String()` in list rows, and the zero time for
/// "never".
public enum DockerTime {
    /// Go's zero `time.Time` in RFC 3339, printed for a start or finish that never happened.
    public static let zero = "0001-01-01T00:00:00Z"

    /// `2026-11-24T05:19:31.915551996Z` (Go's RFC3339Nano: trailing zeros of the fraction
    /// dropped, no fraction at all for a whole second); `zero` for nil.
    public static func rfc3339Nano(_ t: Double?) -> String {
        guard let t else { return zero }
        let (secs, nanos) = split(t)
        return civil(secs, dateSep: "T") + fraction(nanos) + "Z"
    }

    /// `2026-11-24T05:19:31Z` (a volume's CreatedAt).
    public static func rfc3339(_ t: Double) -> String { civil(split(t).0, dateSep: "T") + "Z" }

    /// `2026-11-24 05:57:12 +0000 UTC`: Go's `time.Unix(sec, 0).String()` (list rows' CreatedAt).
    public static func goString(seconds t: Double) -> String { civil(split(t).0, dateSep: " ") + " +0000 UTC" }

    /// `2026-11-24 05:19:31.252908815 +0000 UTC`: Go's `Time.String()` with the fraction.
    public static func goString(_ t: Double) -> String {
        let (secs, nanos) = split(t)
        return civil(secs, dateSep: " ") + fraction(nanos) + " +0000 UTC"
    }

    /// A time as docker/cli's `--pretty` templates print it: Go's `Time.String()` through
    /// command.PrettyPrint, which keeps the first letter and lowers the rest (`+0000 utc`,
    /// Fixtures/swarm 03, 09, 10).
    public static func pretty(_ t: Double) -> String { goString(t).lowercased() }

    /// Whole seconds (floored) and nanoseconds.
    static func split(_ t: Double) -> (Int64, Int64) {
        // Years 0001…9999 only: anything outside (or not a number) would not fit Go's format.
        guard t.isFinite, t > -62_135_596_800, t < 253_402_300_800 else { return (t > 0 ? 253_402_300_799 : -62_135_596_800, 0) }
        let whole = t.rounded(.down)
        var nanos = Int64(((t - whole) * 1e9).rounded())
        var secs = Int64(whole)
        if nanos >= 1_000_000_000 { secs += 1; nanos -= 1_000_000_000 }
        return (secs, max(0, nanos))
    }

    static func fraction(_ nanos: Int64) -> String {
        guard nanos > 0 else { return "" }
        var digits = Array(String(nanos).utf8)
        while digits.count < 9 { digits.insert(UInt8(ascii: "0"), at: 0) }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return "." + String(decoding: digits, as: UTF8.self)
    }

    /// `2026-11-24T05:16:05.716735661Z` with all nine digits: docker's RFC3339NanoFixed, the form
    /// of `docker logs -t` and `docker events` lines.
    public static func rfc3339NanoFixed(_ t: Double) -> String {
        let (secs, nanos) = split(t)
        var digits = Array(String(nanos).utf8)
        while digits.count < 9 { digits.insert(UInt8(ascii: "0"), at: 0) }
        return civil(secs, dateSep: "T") + "." + String(decoding: digits, as: UTF8.self) + "Z"
    }

    /// `YYYY-MM-DD?hh:mm:ss` for Unix seconds.
    static func civil(_ secs: Int64, dateSep: String) -> String {
        var days = secs / 86_400
        var rem = secs % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        let (y, m, d) = civilDate(days: days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + dateSep + pad(rem / 3600, 2) + ":" + pad(rem / 60 % 60, 2) + ":"
            + pad(rem % 60, 2)
    }

    /// (year, month, day) of a day count since 1970-01-01 (days-from-civil inverse, proleptic Gregorian).
    static func civilDate(days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }

    static func pad(_ v: Int64, _ n: Int) -> String {
        let s = String(v)
        return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
    }
}
