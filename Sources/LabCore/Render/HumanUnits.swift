import Foundation

/// docker/go-units' human-readable durations ("Less than a second", "About a minute",
/// "3 hours"), as its HumanDuration rounds them.
public enum HumanDuration {
    public static func text(seconds d: Double) -> String {
        let seconds = Int(d)
        if seconds < 1 { return "Less than a second" }
        if seconds == 1 { return "1 second" }
        if seconds < 60 { return "\(seconds) seconds" }
        let minutes = Int(d / 60)
        if minutes == 1 { return "About a minute" }
        if minutes < 60 { return "\(minutes) minutes" }
        let hours = Int(d / 3600 + 0.5)
        if hours == 1 { return "About an hour" }
        if hours < 48 { return "\(hours) hours" }
        if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
        if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
        if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
        return "\(Int(d / 3600) / 24 / 365) years"
    }
}

/// docker/go-units' sizes: `HumanSize` (decimal, 3 significant digits: "1.99MB") and
/// `BytesSize` (binary, 4 significant digits: "1.5GiB").
public enum HumanSize {
    static let decimal = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
    static let binary = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]

    /// "1.99MB" for 1985610.
    public static func decimal(_ bytes: Double) -> String {
        // Listings print the same few image sizes again and again: each is formatted once.
        if let known = decimalCache.value(bytes) { return known }
        let text = format(bytes, base: 1000, units: decimal, precision: 3)
        decimalCache.remember(text, for: bytes)
        return text
    }
    static let decimalCache = BoundedCache<Double, String>()
    /// "1.894MiB" for 1985610.
    public static func binary(_ bytes: Double) -> String { format(bytes, base: 1024, units: binary, precision: 4) }

    static func format(_ size: Double, base: Double, units: [String], precision: Int) -> String {
        var s = size
        var i = 0
        while s >= base && i < units.count - 1 { s /= base; i += 1 }
        return GoFloatFormat.withPrecision(s, verb: "g", precision: precision) + units[i]
    }
}

extension HumanDuration {
    /// Go's time.Duration.String: "0s", "500ms", "10s", "1m30s", "1h0m0s".
    public static func goDuration(_ seconds: Double) -> String {
        if seconds == 0 { return "0s" }
        if seconds < 1 {
            let ms = seconds * 1000
            return ms == ms.rounded() ? "\(Int(ms))ms" : "\(ms)ms"
        }
        let h = Int(seconds) / 3600, m = Int(seconds) % 3600 / 60
        let s = seconds - Double(h * 3600 + m * 60)
        let sText = s == s.rounded() ? "\(Int(s))" : String(s)
        if h > 0 { return "\(h)h\(m)m\(sText)s" }
        if m > 0 { return "\(m)m\(sText)s" }
        return "\(sText)s"
    }
}
