"""A misspelt attribute name (args.reusme for args.resume): AttributeError when the line runs."""

import argparse

FAMILY = "porting"
EXPECT = "AttributeError"


def _args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--resume", default="model.ckpt")
    return parser.parse_args([])


def bad():
    return _args().reusme


def good():
    return _args().resume
