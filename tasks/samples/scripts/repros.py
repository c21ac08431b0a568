"""Reproduction scripts the scripted rollouts write: a naive one (the symptom of the issue only) and a thorough one
(every code path with the same cause). Written by hand, as an agent would, from the issue text."""

NAIVE = {}
THOROUGH = {}

NAIVE["verspec"] = '''from verspec import parse_range

r = parse_range("1.2 - 1.4")
print("range:", r, "| contains 1.4.5:", r.contains("1.4.5"))
assert r.contains("1.4.5"), "1.2 - 1.4 should include 1.4.5"
assert r.contains("1.2.0") and not r.contains("1.5.0")
print("OK")
'''
THOROUGH["verspec"] = NAIVE["verspec"].replace('print("OK")\n', '''# the issue suspects every partial upper bound
assert parse_range("1 - 2").contains("2.9.9"), "1 - 2 should include 2.9.9"
assert parse_range("<=1.4").contains("1.4.9"), "<=1.4 should include 1.4.9"
assert not parse_range(">1.4").contains("1.4.5"), ">1.4 should start at 1.5.0"
assert parse_range(">1.4").contains("1.5.0")
assert not parse_range("1.2.3 - 1.4.5").contains("1.4.6"), "a full upper bound stays inclusive"
print("OK")
''')

NAIVE["confmesh"] = '''from confmesh import Config

cfg = Config()
cfg.read_string("[paths]\\nroot = /var/app\\nlogs = ${root}/logs\\narchive = ${logs}/archive\\n")
print(cfg.get("paths", "logs"))
cfg.set("paths", "root", "/srv/app")
print(cfg.get("paths", "logs"), cfg.get("paths", "archive"))
assert cfg.get("paths", "logs") == "/srv/app/logs", cfg.get("paths", "logs")
assert cfg.get("paths", "archive") == "/srv/app/logs/archive", cfg.get("paths", "archive")
print("OK")
'''
THOROUGH["confmesh"] = NAIVE["confmesh"].replace('print("OK")\n', '''# layering a second file after values were read (local.ini over app.ini)
cfg2 = Config()
cfg2.read_string("[paths]\\nroot = /var/app\\nlogs = ${root}/logs\\n")
assert cfg2.get("paths", "logs") == "/var/app/logs"
cfg2.read_string("[paths]\\nroot = /opt/app\\n")
assert cfg2.get("paths", "logs") == "/opt/app/logs", "after read_string: " + cfg2.get("paths", "logs")
# removing an option that others refer to
cfg3 = Config(defaults={"root": "/default"})
cfg3.read_string("[paths]\\nroot = /var/app\\nlogs = ${root}/logs\\n")
assert cfg3.get("paths", "logs") == "/var/app/logs"
cfg3.remove_option("paths", "root")
assert cfg3.get("paths", "logs") == "/default/logs", "after remove_option: " + cfg3.get("paths", "logs")
print("OK")
''')

NAIVE["tabulite"] = '''from decimal import Decimal
from tabulite import Column, Table

t = Table([Column("item", "Item"), Column("qty", "Qty", total=True),
           Column("amount", "Amount", precision=2, total=True)])
t.add_row({"item": "Widget", "qty": 3, "amount": Decimal("1234.5")})
t.add_row({"item": "Gadget", "qty": 12, "amount": Decimal("80")})
out = t.render()
print(out)
lines = out.splitlines()[1:]  # the heading line is not padded
assert len({len(l) for l in lines}) == 1, "ragged lines: %r" % [len(l) for l in lines]
assert "Gadget |  12 |    80.00" in out
print("OK")
'''
THOROUGH["tabulite"] = NAIVE["tabulite"].replace('print("OK")\n', '''# a total wider than every row, in text and in Markdown
t2 = Table([Column("item", "Item"), Column("amount", "Amount", precision=2, total=True)])
t2.add_row({"item": "a", "amount": Decimal("600")})
t2.add_row({"item": "b", "amount": Decimal("600")})
for rendered in (t2.render(), t2.to_markdown()):
    print(rendered)
    widths = {len(l) for l in rendered.splitlines()[1:]}
    assert len(widths) == 1, "ragged lines: %r" % sorted(widths)
print("OK")
''')

NAIVE["calspan"] = '''import java.time.LocalDate;
import net.calspan.*;

public class ReproduceIssue {
    public static void main(String[] args) {
        Timesheet ts = new Timesheet().log(LocalDate.of(2024, 3, 31), 8).log(LocalDate.of(2024, 4, 1), 6);
        double march = ts.hoursIn(RangeParser.parse("2024-03"));
        System.out.println(march + " " + ts.monthlyTotals(RangeParser.parse("2024-03-01..2024-04-30")) + " " + RangeParser.parse("2024-03"));
        check(march == 8.0, "hours in 2024-03: " + march);
        check(RangeParser.parse("2024-03").end().equals(LocalDate.of(2024, 3, 31)), "2024-03 ends " + RangeParser.parse("2024-03").end());
        check(ts.monthlyTotals(RangeParser.parse("2024-03-01..2024-04-30")).values().stream().mapToDouble(d -> d).sum() == 14.0, "monthly totals");
        System.out.println("OK");
    }

    static void check(boolean ok, String what) {
        if (!ok) { System.out.println("FAILED: " + what); System.exit(1); }
    }
}
'''
THOROUGH["calspan"] = NAIVE["calspan"].replace('        System.out.println("OK");\n', '''        // the year shorthand has the same off-by-one
        check(RangeParser.parse("2024").end().equals(LocalDate.of(2024, 12, 31)), "2024 ends " + RangeParser.parse("2024").end());
        check(RangeParser.parse("2024").splitByMonth().size() == 12, "2024 has 12 months: " + RangeParser.parse("2024").splitByMonth());
        System.out.println("OK");
''')

NAIVE["tinycache"] = '''import org.tinycache.*;

public class ReproduceIssue {
    public static void main(String[] args) {
        LruCache<String, String> cache = LruCache.<String, String>builder().maximumWeight(100)
                .weigher((k, v) -> v.length()).build();
        cache.put("a", "x".repeat(30));
        cache.put("b", "x".repeat(30));
        for (int i = 0; i < 3; i++) cache.put("b", "y".repeat(30));
        System.out.println("size=" + cache.size() + " weightedSize=" + cache.weightedSize() + " a=" + cache.get("a"));
        check(cache.size() == 2 && cache.weightedSize() == 60, "size=" + cache.size() + " weightedSize=" + cache.weightedSize());
        check(cache.get("a") != null, "a was evicted");
        System.out.println("OK");
    }

    static void check(boolean ok, String what) {
        if (!ok) { System.out.println("FAILED: " + what); System.exit(1); }
    }
}
'''
THOROUGH["tinycache"] = NAIVE["tinycache"].replace('        System.out.println("OK");\n', '''        // expired entries must release their weight too (get and cleanUp)
        long[] now = {0};
        LruCache<String, String> timed = LruCache.<String, String>builder().maximumWeight(100).weigher((k, v) -> v.length())
                .expireAfterWrite(java.time.Duration.ofMinutes(5)).ticker(() -> now[0]).build();
        timed.put("a", "x".repeat(40));
        timed.put("b", "x".repeat(40));
        now[0] += java.time.Duration.ofMinutes(6).toNanos();
        check(timed.get("a") == null, "a should have expired");
        timed.cleanUp();
        check(timed.weightedSize() == 0, "weightedSize after expiry: " + timed.weightedSize());
        timed.put("c", "z".repeat(90));
        check(timed.get("c") != null, "c was evicted although the cache is empty");
        System.out.println("OK");
''')

NAIVE["tallymoney"] = '''import org.tallymoney.*;

public class ReproduceIssue {
    public static void main(String[] args) {
        var parts = Splitter.split(Money.of("1000", "JPY"), 3);
        System.out.println(parts);
        check(parts.toString().equals("[JPY 334, JPY 333, JPY 333]"), "JPY split: " + parts);
        System.out.println("OK");
    }

    static void check(boolean ok, String what) {
        if (!ok) { System.out.println("FAILED: " + what); System.exit(1); }
    }
}
'''
THOROUGH["tallymoney"] = NAIVE["tallymoney"].replace('        System.out.println("OK");\n', '''        var bhd = Splitter.split(Money.of("10.000", "BHD"), 3);
        check(bhd.toString().equals("[BHD 3.334, BHD 3.333, BHD 3.333]"), "BHD split: " + bhd);
        // minor units follow the currency everywhere, not only in Splitter
        check(Money.ofMinor(1234, "JPY").toString().equals("JPY 1234"), "ofMinor JPY: " + Money.ofMinor(1234, "JPY"));
        check(Money.of("12.345", "BHD").toMinor() == 12345, "toMinor BHD: " + Money.of("12.345", "BHD").toMinor());
        System.out.println("OK");
''')
