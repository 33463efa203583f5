/// Reads and writes the values of `sbcms.yaml` limits: byte sizes (`500MB`, `2 GiB`, or a
/// whole number of bytes) and durations (`300`, `90s`, `10 min`, `1.5h`).
public enum QuotaValue {
    /// Why a value could not be read.
    public enum Problem: Error, Equatable, Sendable {
        case negative
        case malformed
        case tooLarge
    }

    /// Byte units: decimal (`KB` = 1000) and binary (`KiB` = 1024); case does not matter.
    static let byteUnits: [String: Double] = [
        "b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12,
        "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824, "tib": 1_099_511_627_776,
    ]

    /// Duration units in seconds.
    static let durationUnits: [String: Double] = [
        "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600,
    ]

    /// A size in bytes from text such as `500MB`, `2 GiB`, `1.5 GB` or `1024`.
    public static func bytes(_ text: String) -> Result<Int, Problem> {
        switch amount(text, units: byteUnits, defaultUnit: 1) {
        case .success(let value):
            guard value < 9.0e18 else { return .failure(.tooLarge) }
            return .success(Int(value.rounded(.down)))
        case .failure(let problem):
            return .failure(problem)
        }
    }

    /// A duration in seconds from text such as `300`, `90s`, `10 min` or `1.5h`.
    public static func seconds(_ text: String) -> Result<Double, Problem> {
        amount(text, units: durationUnits, defaultUnit: 1)
    }

    private static func amount(_ text: String, units: [String: Double], defaultUnit: Double) -> Result<Double, Problem> {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("-") { return .failure(.negative) }
        let number = trimmed.prefix { ($0 >= "0" && $0 <= "9") || $0 == "." }
        let unitText = trimmed.dropFirst(number.count).trimmingSpaces.lowercased()
        guard !number.isEmpty, number.filter({ $0 == "." }).count <= 1, number.first != ".", number.last != ".",
              let value = Double(number) else { return .failure(.malformed) }
        let multiplier: Double
        if unitText.isEmpty {
            multiplier = defaultUnit
        } else if let unit = units[unitText] {
            multiplier = unit
        } else {
            return .failure(.malformed)
        }
        let result = value * multiplier
        guard result.isFinite else { return .failure(.tooLarge) }
        return .success(result)
    }

    /// `1234567` → `1,234,567`.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return number < 0 ? "-" + result : result
    }

    /// `1234567` → `1,234,567 bytes (1.2 MB)`; below 1,000 bytes only the count.
    public static func describeBytes(_ bytes: Int) -> String {
        let exact = "\(grouped(bytes)) byte\(bytes == 1 ? "" : "s")"
        guard bytes >= 1000 else { return exact }
        let units: [(String, Double)] = [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)]
        let (unit, size) = units.first { Double(bytes) >= $0.1 } ?? ("kB", 1e3)
        return "\(exact) (\(oneDecimal(Double(bytes) / size)) \(unit))"
    }

    /// `12.345` → `12.3 s`, `300` → `300 s`.
    public static func describeSeconds(_ seconds: Double) -> String {
        "\(oneDecimal(seconds)) s"
    }

    /// One decimal, without a trailing `.0`: `1.25` → `1.2`, `300.0` → `300`.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.down))
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
