import sys
import unittest
import warnings
from django.test import SimpleTestCase, TestCase
from shop.models import Item


class PriceTests(TestCase):
    def test_create(self):
        Item.objects.create(name="a", price=3)
        self.assertEqual(Item.objects.count(), 1)

    def test_sum_is_wrong(self):
        self.assertEqual(1 + 1, 3)

    def test_raises(self):
        raise KeyError("missing")

    def test_docstring_one_line(self):
        """A price is never negative."""
        self.assertGreaterEqual(Item(name="b", price=0).price, 0)

    def test_docstring_multi_line(self):
        """
        Items keep their name
        across saves, even when long.
        """
        i = Item.objects.create(name="c", price=1)
        self.assertEqual(Item.objects.get(pk=i.pk).name, "c")

    def test_docstring_fails(self):
        """Discounts apply twice."""
        self.fail("discount applied once")

    @unittest.skip("not on sqlite")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)


class NoisyTests(SimpleTestCase):
    def test_prints_midway(self):
        sys.stderr.write("Internal Server Error: /shop/\n")
        sys.stderr.flush()
        self.assertTrue(True)

    def test_warns(self):
        warnings.warn("deprecated price API", DeprecationWarning)
        self.assertTrue(True)

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
