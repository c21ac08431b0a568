# frozen_string_literal: true

# What jekyll/jekyll's features/support/formatter.rb prints around Cucumber's own format (the file at the time of
# SWE-bench's jekyll rows 8761 and 8771, jekyll 4.2, for Cucumber 5; the same from jekyll's commit 7333baf06 of 2017
# to 2db7db7c4 of 2025): before each scenario, on a new line,
# "<file>:<line>  Scenario: <name> ", then the format's step characters follow (progress: . F - U P), then
# " (<seconds>s)" after the scenario; a list of the slowest scenarios at the end. Jekyll's file subscribes to
# Cucumber 3+ events (test_case_started); this one prints the same text from Cucumber 2.4's events
# (before_test_case), the Cucumber Debian bookworm packages. Written for the fixtures, no code of jekyll's.
class ScenarioLines
  def initialize(io)
    @io = io
    @started = {}
    @timings = {}
  end

  def started(test_case)
    @io.print "\n#{test_case.location}  Scenario: #{test_case.name} "
    @io.flush
    @started[test_case] = Time.now
  end

  def finished(test_case)
    seconds = Time.now - @started.delete(test_case)
    @timings["\"#{test_case.name}\" (#{test_case.location})"] = seconds
    @io.print " (#{seconds}s)"
  end

  def slowest
    @io.puts
    @io.puts "Worst offenders:"
    @timings.sort_by { |_name, t| -t }.take(10).each { |name, t| @io.puts "  #{t}s for #{name}" }
    @io.puts
  end
end

AfterConfiguration do |config|
  lines = ScenarioLines.new($stdout)
  config.on_event(:before_test_case) { |event| lines.started(event.test_case) }
  config.on_event(:after_test_case) { |event| lines.finished(event.test_case) }
  config.on_event(:finished_testing) { lines.slowest }
end
