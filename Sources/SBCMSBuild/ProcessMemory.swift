import SBCMSCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's resident memory as the kernel counts it.
public enum ProcessMemory {
    /// The highest resident set size since the process started (Linux `VmHWM`; elsewhere
    /// `getrusage` `ru_maxrss`), in bytes. It never goes down: nothing here resets it, so tools
    /// such as `/usr/bin/time` still see the true peak.
    public static func peakBytes() -> Int {
        #if os(Linux)
        if let kilobytes = statusField("VmHWM:") { return kilobytes * 1024 }
        #endif
        var usage = rusage()
        #if os(Linux)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        #if os(Linux)
        return Int(usage.ru_maxrss) * 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }

    /// The current resident set size in bytes (Linux `/proc/self/statm`); nil elsewhere.
    public static func currentBytes() -> Int? {
        #if os(Linux)
        guard let text = try? FileSystem.readText("/proc/self/statm") else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return nil
        #endif
    }

    /// A `kB` figure of `/proc/self/status`, such as `VmHWM:` or `VmRSS:`.
    static func statusField(_ name: String) -> Int? {
        guard let text = try? FileSystem.readText("/proc/self/status") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).filter(\.isNumber)
            return Int(digits)
        }
        return nil
    }
}
