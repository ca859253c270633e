n = 0
for a in range(2):
 for b in range(2):
  for c in range(2):
   for d in range(2):
    for e in range(2):
     for f in range(2):
      for g in range(2):
       for h in range(2):
        for i in range(2):
         for j in range(2):
          for k in range(1):
           for l in range(1):
            for m in range(1):
             for o in range(1):
              for p in range(1):
               for q in range(1):
                for r in range(1):
                 for s in range(1):
                  for t in range(1):
                   n += 1
print(n)
if n:
 if n:
  if n:
   if n:
    if n:
     if n:
      if n:
       if n:
        if n:
         if n:
          if n:
           if n:
            if n:
             if n:
              if n:
               if n:
                if n:
                 if n:
                  if n:
                   if n:
                    if n:
                     if n:
                      if n:
                       if n:
                        if n:
                         print("25 nested ifs are fine")
