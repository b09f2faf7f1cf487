"""A parameter of the original's signature dropped in the port, while a caller still passes it."""

FAMILY = "porting"
EXPECT = "TypeError"


class PortedDataset:
    def __init__(self, root_path, size=None, features="S"):  # the original also took flag='pred'
        self.root_path, self.size, self.features = root_path, size, features


def bad():
    return PortedDataset(".", size=[96, 48, 96], flag="pred")


def good():
    return PortedDataset(".", size=[96, 48, 96])
