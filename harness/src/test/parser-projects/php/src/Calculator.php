<?php
declare(strict_types=1);

namespace Fixtures;

final class Calculator
{
    public function add(int $a, int $b): int
    {
        return $a + $b;
    }

    public function div(int $a, int $b): int
    {
        if ($b === 0) {
            throw new \DivisionByZeroError('divide by zero');
        }
        return intdiv($a, $b);
    }
}
