import SBCMSTemplate

/// Every page of a paginated list (`list.pagination.pages`), each made when a layout reads it:
/// a list of N pages links to N pages from each of its N pages, so building them all up front
/// grew with the square of the list.
public struct PaginationPages: TemplateSequence, TemplateConvertible, ContextFingerprinting {
    /// The URL of page 1 (`/blog/`); page N is `URLPaths.paginated(base, page: N)`.
    let base: String
    /// The page being rendered, from 1.
    let current: Int
    /// How many pages the list has (at least 1).
    public let count: Int

    init(base: String, current: Int, count: Int) {
        self.base = base
        self.current = current
        self.count = max(1, count)
    }

    /// Page `number` (from 1).
    func page(_ number: Int) -> PaginationPage {
        PaginationPage(number: number, url: URLPaths.paginated(base, page: number), isCurrent: number == current,
                       isGap: false)
    }

    /// The pages a page-number navigation shows, as Hugo's and most themes' pagers do: the first
    /// and the last page and the pages within `radius` of the current one, in order, with a gap
    /// entry (`isGap`, number 0, empty URL) where pages are left out. A gap never stands for a
    /// single page: that page is shown instead.
    func window(radius: Int = 2) -> [PaginationPage] {
        var shown = Set([1, count])
        for number in max(1, current - radius)...min(count, current + radius) { shown.insert(number) }
        let numbers = shown.sorted()
        var pages: [PaginationPage] = []
        for (index, number) in numbers.enumerated() {
            if index > 0 {
                let previous = numbers[index - 1]
                if number - previous == 2 {
                    pages.append(page(previous + 1))
                } else if number - previous > 2 {
                    pages.append(PaginationPage(number: 0, url: "", isCurrent: false, isGap: true))
                }
            }
            pages.append(page(number))
        }
        return pages
    }

    public func element(at index: Int) -> TemplateValue? { page(index + 1).templateValue }

    public var templateValue: TemplateValue? { .list(of: self) }

    /// Every page follows from these three.
    public func fingerprint(into hasher: inout FingerprintHasher) {
        hasher.begin("PaginationPages")
        hasher.addString(base)
        hasher.addInt(current)
        hasher.addInt(count)
        hasher.end()
    }
}
