def main():
    print("running main")
    return 0
print(__name__)
if __name__ == "__main__":
    main()
print(type(__name__).__name__, __name__ == "__main__")
