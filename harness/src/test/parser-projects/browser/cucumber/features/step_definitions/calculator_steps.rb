# frozen_string_literal: true

# Steps of the parser-fixture features: a calculator held in the World.
Given("a calculator") do
  @result = nil
end

Given("a broken calculator") do
  raise "the calculator is broken on purpose"
end

When(/^I add (-?\d+) and (-?\d+)$/) do |a, b|
  @result = a.to_i + b.to_i
end

When(/^I add (\d+) and (\d+) and print the result$/) do |a, b|
  @result = a.to_i + b.to_i
  $stdout.puts "printed by a step: #{@result}"
end

When(/^I add (\d+) and (\d+) and warn about it$/) do |a, b|
  @result = a.to_i + b.to_i
  warn "warning from a step: #{@result}"
end

When(/^I divide (\d+) by (\d+)$/) do |a, b|
  @result = a.to_i / b.to_i
end

When(/^I subtract (\d+) from (\d+)$/) do |_a, _b|
  pending "subtraction is not written yet"
end

Then(/^the result is (-?\d+)$/) do |expected|
  raise "expected #{expected}, got #{@result}" unless @result == expected.to_i
end

Then("the display shows the result") do
  raise "never reached: the step before fails"
end
